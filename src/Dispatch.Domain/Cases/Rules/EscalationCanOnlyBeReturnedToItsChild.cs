using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

internal sealed class EscalationCanOnlyBeReturnedToItsChild(CaseOrigin? origin) : IBusinessRule
{
    public bool IsBroken() => origin is null;

    public string Message => "Only a case escalated from a child node can be handed back to it.";
}
