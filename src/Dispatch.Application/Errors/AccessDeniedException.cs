namespace Dispatch.Application.Errors;

/// <summary>The caller's role or scope (grid, department) does not cover the request. Maps to PERMISSION_DENIED.</summary>
internal sealed class AccessDeniedException(string message) : Exception(message);
