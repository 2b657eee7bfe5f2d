using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

internal sealed class ClosedCaseCannotBeAssigned(CaseStatus status) : IBusinessRule
{
    public bool IsBroken() => status == CaseStatus.Closed;

    public string Message => "The case is closed and cannot be assigned; reopen it first.";
}
