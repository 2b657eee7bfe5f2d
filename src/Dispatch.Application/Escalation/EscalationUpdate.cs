using Dispatch.Domain.Cases;

namespace Dispatch.Application.Escalation;

/// <summary>
/// One step of the parent's handling of a case a child escalated, as the child follows it: the event, the case's
/// status after it, and its assignee and deadline at the parent (<see cref="Event"/>'s case is the parent's copy).
/// </summary>
internal sealed record EscalationUpdate(long Sequence, Guid OriginCaseId, CaseStatus Status, CaseEvent Event, Assignee? Assignee, DateTimeOffset? DueAt)
{
    /// <summary>The parent handed the case back to the child.</summary>
    public bool HandedBack => Event.Type == CaseEventType.CaseEscalationReturned;
}
