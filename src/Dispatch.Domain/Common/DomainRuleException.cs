namespace Dispatch.Domain.Common;

/// <summary>
/// The request was well formed but the aggregate's state does not allow it (an illegal transition or
/// a broken precondition). Maps to FAILED_PRECONDITION. Nothing was changed.
/// </summary>
public sealed class DomainRuleException : DomainException
{
    public DomainRuleException(string rule, string message)
        : base(rule, message)
    {
    }
}
