namespace Dispatch.Domain.Common;

/// <summary>
/// An input value is missing, too long or malformed, whatever the state of the aggregate.
/// Maps to INVALID_ARGUMENT and names the field. Nothing was changed.
/// </summary>
public sealed class DomainValidationException : DomainException
{
    public DomainValidationException(string rule, string field, string message)
        : base(rule, message)
    {
        Field = field;
    }

    /// <summary>The offending input, camelCase, with an index for list items (e.g. <c>evidenceRefs[2]</c>).</summary>
    public string Field { get; }
}
