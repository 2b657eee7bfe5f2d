using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Common;
using Dispatch.Domain.Common.Rules;

namespace Dispatch.Domain.Cases;

/// <summary>What happens around and after the loop: rating, reopening, escalation, merging duplicates.</summary>
public sealed partial class Case
{
    /// <summary>The reporter's satisfaction with a closed case, 1 (worst) to 5 (best); once per closure.</summary>
    public void Rate(Guid actorId, DateTimeOffset now, int satisfaction, string? note = null)
    {
        CaseInput.Actor(actorId);
        Check.Input(new SatisfactionMustBeOneToFive(satisfaction));
        CaseInput.OptionalNote("note", note);
        foreach (var rule in RatingRules(actorId))
        {
            Check.Rule(rule);
        }

        Satisfaction = satisfaction;
        Append(CaseEventType.CaseRated, actorId, now, Status, note, satisfaction: satisfaction);
    }

    /// <summary>
    /// Reopens a closed case. It goes back to Accepted, in the command centre's queue, to be dispatched
    /// again (possibly to someone else): the assignee, the resolution and the rating are cleared; the
    /// history keeps them. An escalation ended with the closure: the link to the parent is cleared too, so
    /// the case is handled (and returned for rework) here unless it is escalated again. The deadline is
    /// left for the deadline policy to set again.
    /// </summary>
    public void Reopen(Guid actorId, DateTimeOffset now, string reason)
    {
        CaseInput.Actor(actorId);
        CaseInput.RequiredNote("reason", reason);
        var from = EnsureAllowed(CaseAction.Reopen, actorId);

        Status = CaseStatus.Accepted;
        Assignee = null;
        ResolvedBy = null;
        ResolvedAt = null;
        ClosedAt = null;
        Satisfaction = null;
        EscalatedToNodeId = null;
        ParentCaseId = null;
        ParentStatus = null;
        Append(CaseEventType.CaseReopened, actorId, now, from, reason);
    }

    /// <summary>
    /// Hands an open case to the parent node, which owns it from now on. A deferred case stops being
    /// paused (its deadline is moved by the paused time, as on resume).
    /// </summary>
    public void MarkEscalated(Guid actorId, DateTimeOffset now, string reason)
    {
        CaseInput.Actor(actorId);
        CaseInput.RequiredNote("reason", reason);
        var from = EnsureAllowed(CaseAction.Escalate, actorId);

        if (from == CaseStatus.Deferred)
        {
            EndPause(now);
        }

        Status = CaseStatus.Escalated;
        Append(CaseEventType.CaseEscalated, actorId, now, from, reason);
    }

    /// <summary>Closes this case as a duplicate of <paramref name="original"/>, which must still be open.</summary>
    public void MergeInto(Guid actorId, DateTimeOffset now, Case original, string? note = null)
    {
        CaseInput.Actor(actorId);
        Check.Input(new ValueIsRequired("original", original));
        CaseInput.OptionalNote("note", note);
        Check.Rule(new CaseCannotBeMergedIntoItself(Id, original.Id));
        var from = EnsureAllowed(CaseAction.Merge, actorId);
        Check.Rule(new OriginalCaseMustStillBeOpen(original));

        MergedIntoCaseId = original.Id;
        Status = CaseStatus.Merged;
        Append(CaseEventType.CaseMerged, actorId, now, from, note ?? $"Duplicate of {original.Number}.");
    }
}
