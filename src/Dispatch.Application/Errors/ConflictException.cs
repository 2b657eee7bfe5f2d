namespace Dispatch.Application.Errors;

/// <summary>The request would take a unique name or code that something else already has. Maps to ALREADY_EXISTS.</summary>
internal sealed class ConflictException(string message) : Exception(message);
