using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

internal sealed class AcknowledgedEscalationCannotBeRefused(Guid? parentCaseId) : IBusinessRule
{
    public bool IsBroken() => parentCaseId is not null;

    public string Message => $"The parent already took the escalation as its case {parentCaseId}; it can hand it back, not refuse it.";
}
