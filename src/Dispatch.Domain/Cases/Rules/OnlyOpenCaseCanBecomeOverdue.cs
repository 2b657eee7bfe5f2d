using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

internal sealed class OnlyOpenCaseCanBecomeOverdue(CaseStatus status) : IBusinessRule
{
    public bool IsBroken() => !CaseLifecycle.IsOpen(status);

    public string Message => $"The case is {status}; only an open case can become overdue.";
}
