using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

internal sealed class CaseCannotBeMergedIntoItself(Guid caseId, Guid originalCaseId) : IBusinessRule
{
    public bool IsBroken() => caseId == originalCaseId;

    public string Message => "A case cannot be merged into itself.";
}
