using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

internal sealed class OnlyOpenCaseCanBeRescheduled(CaseStatus status) : IBusinessRule
{
    public bool IsBroken() => !CaseLifecycle.IsOpen(status);

    public string Message => $"The case is {status}; only an open case has a deadline to change.";
}
