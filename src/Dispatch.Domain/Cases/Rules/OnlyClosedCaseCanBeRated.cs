using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

internal sealed class OnlyClosedCaseCanBeRated(CaseStatus status) : IBusinessRule
{
    public bool IsBroken() => status != CaseStatus.Closed;

    public string Message => $"The case is {status}; only a closed case can be rated.";
}
