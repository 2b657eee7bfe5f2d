namespace Dispatch.Application.Errors;

/// <summary>A request field the transport layer rejects before the domain sees it. Maps to INVALID_ARGUMENT.</summary>
internal sealed class InvalidRequestException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
