using Dispatch.Domain.Categories;
using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases;

// Escalation between tiers. On the child, an escalated case mirrors its parent's progress and is
// verified on site by the reporting grid; on the parent, the case carries its origin.
public sealed partial class Case
{
    /// <summary>Child side: the parent node the case was escalated to; null when it never was.</summary>
    public string? EscalatedToNodeId { get; private set; }

    /// <summary>Child side: the parent's case, once the parent has acknowledged the escalation.</summary>
    public Guid? ParentCaseId { get; private set; }

    /// <summary>Child side: the parent case's latest status.</summary>
    public CaseStatus? ParentStatus { get; private set; }

    /// <summary>Parent side: the child node and case this case was escalated from.</summary>
    public CaseOrigin? Origin { get; private set; }

    /// <summary>Sends the case up to <paramref name="parentNodeId"/>, which then owns the handling.</summary>
    public void EscalateTo(Guid actorId, DateTimeOffset now, string parentNodeId, string reason)
    {
        Check.RequiredText("parentNodeId", parentNodeId, CaseOrigin.NodeIdMaxLength);
        MarkEscalated(actorId, now, reason);
        EscalatedToNodeId = parentNodeId;
    }

    /// <summary>Parent side: the case a child escalated, entering this node's queue as reported.</summary>
    public static Case ReceiveEscalation(CaseReport report, CaseOrigin origin, string reason, CategoryCatalogue catalogue, DateTimeOffset now)
    {
        Check.Input(new Common.Rules.ValueIsRequired("origin", origin));
        CaseInput.RequiredNote("reason", reason);
        var received = Report(report with { HandlingMode = report.HandlingMode == HandlingMode.Immediate ? HandlingMode.Split : report.HandlingMode }, catalogue, now);
        received.Origin = origin;
        received._history[^1].AmendNote(FitNote($"Escalated from {origin.NodeId} case {origin.CaseNumber}: {reason}"));
        return received;
    }

    // The child accepted a reason up to the note limit; the origin in front must not push the stored
    // note past it (the column has that length), nor fail an escalation the child cannot change.
    private static string FitNote(string note)
    {
        if (note.Length <= CaseLimits.NoteMaxLength)
        {
            return note;
        }

        var cut = CaseLimits.NoteMaxLength - 1;
        if (char.IsHighSurrogate(note[cut - 1]))
        {
            cut--;
        }

        return string.Concat(note.AsSpan(0, cut), "\u2026");
    }

    /// <summary>Child side: the parent acknowledged the escalation with its own case id.</summary>
    public void LinkParent(Guid parentCaseId)
    {
        Check.Input(new Common.Rules.IdIsRequired("parentCaseId", parentCaseId));
        ParentCaseId = parentCaseId;
    }

    /// <summary>
    /// Child side: applies one change of the parent's case. A resolution hands the case to the
    /// reporting grid for verification; a hand-back returns it to this node's queue; anything else is
    /// recorded. A case this node's verification closed stays linked, and records what follows at the parent
    /// (the verdict closing the parent's copy, a reopening there), so its parent status is never left at the
    /// resolution. Returns false when the case is no longer escalated (nothing to mirror).
    /// </summary>
    public bool MirrorParent(DateTimeOffset now, CaseStatus parentStatus, bool handedBack, string? note)
    {
        if (EscalatedToNodeId is null
            || (Status != CaseStatus.Escalated && Status != CaseStatus.Closed && !(Status == CaseStatus.Resolved && parentStatus == CaseStatus.Resolved))
            || (handedBack && Status == CaseStatus.Closed))
        {
            return false;
        }

        ParentStatus = parentStatus;
        var from = Status;
        if (handedBack)
        {
            EnsureTransition(CaseAction.ReturnEscalation, CaseStatus.Accepted);
            Status = CaseStatus.Accepted;
            EscalatedToNodeId = null;
            ParentCaseId = null;
            Append(CaseEventType.CaseEscalationReturned, null, now, from, note);
        }
        else if (parentStatus == CaseStatus.Resolved && Status == CaseStatus.Escalated)
        {
            EnsureTransition(CaseAction.ParentResolve, CaseStatus.Resolved);
            Status = CaseStatus.Resolved;
            ResolvedBy = null; // the parent resolved it: whoever resolved it here before may verify
            ResolvedAt = now;
            Append(CaseEventType.CaseResolvedByParent, null, now, from, note);
        }
        else
        {
            Append(CaseEventType.CaseParentUpdated, null, now, from, note);
        }

        return true;
    }

    /// <summary>
    /// Child side: the parent refused the escalation for good (a message-level refusal such as INVALID_ARGUMENT:
    /// sending it again would be refused again), so the case comes back to this node's dispatcher, in the queue
    /// as after a hand-back. Its deadline runs again from where it stood: the time the escalation waited is not
    /// taken off, as with a hand-back, because the reporter has been waiting all along.
    /// </summary>
    public void RefuseEscalation(DateTimeOffset now, string parentNodeId, string refusal)
    {
        Check.RequiredText("parentNodeId", parentNodeId, CaseOrigin.NodeIdMaxLength);
        Check.Input(new Common.Rules.TextIsRequired("refusal", refusal));
        var from = EnsureTransition(CaseAction.RefuseEscalation, CaseStatus.Accepted);
        Check.Rule(new Rules.EscalationRefusalMustComeFromItsParent(EscalatedToNodeId, parentNodeId));
        Check.Rule(new Rules.AcknowledgedEscalationCannotBeRefused(ParentCaseId));

        Status = CaseStatus.Accepted;
        EscalatedToNodeId = null;
        ParentStatus = null;
        Append(CaseEventType.CaseEscalationRefused, null, now, from, FitNote($"Escalation refused by {parentNodeId}: {refusal}"));
    }

    /// <summary>Parent side: hands an escalation back to the child that sent it.</summary>
    public void ReturnToChild(Guid actorId, DateTimeOffset now, string reason)
    {
        CaseInput.Actor(actorId);
        CaseInput.RequiredNote("reason", reason);
        var from = EnsureAllowed(CaseAction.ReturnEscalation, actorId);
        Status = CaseStatus.Rejected;
        Append(CaseEventType.CaseEscalationReturned, actorId, now, from, reason);
    }
}
