using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Common;
using Dispatch.Domain.Common.Rules;

namespace Dispatch.Domain.Cases;

/// <summary>The command centre's side: accept or reject a report, then assign it.</summary>
public sealed partial class Case
{
    /// <summary>
    /// Accepts a report into the node's handling, with the department the routing rules suggest for it (null when
    /// none applies). The suggestion is kept as it was when the case was accepted, whoever it is assigned to.
    /// </summary>
    public void Accept(Guid actorId, DateTimeOffset now, string? note = null, Guid? suggestedDepartmentId = null)
    {
        CaseInput.Actor(actorId);
        CaseInput.OptionalNote("note", note);
        if (suggestedDepartmentId is { } suggested)
        {
            Check.Input(new IdIsRequired("suggestedDepartmentId", suggested));
        }

        var from = EnsureTransition(CaseAction.Accept, CaseStatus.Accepted);

        Status = CaseStatus.Accepted;
        SuggestedDepartmentId = suggestedDepartmentId;
        Append(CaseEventType.CaseAccepted, actorId, now, from, note);
    }

    public void Reject(Guid actorId, DateTimeOffset now, string reason)
    {
        CaseInput.Actor(actorId);
        CaseInput.RequiredNote("reason", reason);
        var from = EnsureTransition(CaseAction.Reject, CaseStatus.Rejected);

        Status = CaseStatus.Rejected;
        Append(CaseEventType.CaseRejected, actorId, now, from, reason);
    }

    /// <summary>Assigns an accepted case, or reassigns an assigned or returned one.</summary>
    public void Assign(Guid actorId, DateTimeOffset now, Assignee assignee, string? note = null)
    {
        CaseInput.Actor(actorId);
        Check.Input(new ValueIsRequired("assignee", assignee));
        CaseInput.OptionalNote("note", note);
        Check.Rule(new ClosedCaseCannotBeAssigned(Status));
        var from = EnsureTransition(CaseAction.Assign, CaseStatus.Assigned);

        Assignee = assignee with { }; // our own instance, never shared with another case (see CaseEvent)
        Status = CaseStatus.Assigned;
        Append(CaseEventType.CaseAssigned, actorId, now, from, note);
    }
}
