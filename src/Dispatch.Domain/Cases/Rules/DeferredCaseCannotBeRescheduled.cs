using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

/// <summary>
/// While deferred the deadline is frozen and moves by the paused time on resume; changing it in
/// between would make that shift ambiguous.
/// </summary>
internal sealed class DeferredCaseCannotBeRescheduled(CaseStatus status) : IBusinessRule
{
    public bool IsBroken() => status == CaseStatus.Deferred;

    public string Message => "The case is deferred; resume it before changing its deadline.";
}
