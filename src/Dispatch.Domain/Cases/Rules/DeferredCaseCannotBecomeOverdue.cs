using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

/// <summary>The deadline clock is paused while a case is deferred.</summary>
internal sealed class DeferredCaseCannotBecomeOverdue(CaseStatus status) : IBusinessRule
{
    public bool IsBroken() => status == CaseStatus.Deferred;

    public string Message => "The case is deferred; its deadline clock is paused.";
}
