namespace Dispatch.Application.Errors;

/// <summary>An id that names nothing on this node. Maps to NOT_FOUND.</summary>
internal sealed class NotFoundException(string what, string id)
    : Exception($"{what} '{id}' was not found.");
