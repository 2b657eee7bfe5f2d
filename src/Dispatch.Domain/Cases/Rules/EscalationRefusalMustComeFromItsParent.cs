using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

internal sealed class EscalationRefusalMustComeFromItsParent(string? escalatedTo, string refusedBy) : IBusinessRule
{
    public bool IsBroken() => escalatedTo != refusedBy;

    public string Message => $"The case was escalated to {escalatedTo}; {refusedBy} cannot refuse it.";
}
