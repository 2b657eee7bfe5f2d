namespace Dispatch.Application.Errors;

/// <summary>An id that names nothing on this node, or something not there (yet). Maps to NOT_FOUND.</summary>
internal sealed class NotFoundException : Exception
{
    public NotFoundException(string what, string id)
        : base($"{what} {Domain.Common.ClientValue.Quote(id)} was not found.")
    {
    }

    /// <summary>For what a bare "not found" would not explain, e.g. a bulletin whose period has not ended.</summary>
    public NotFoundException(string message)
        : base(message)
    {
    }
}
