using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases;

/// <summary>The assignee's side (start, resolve) and the verifier's (pass or return for rework).</summary>
public sealed partial class Case
{
    /// <summary>Starts work on an assigned case, or on a returned one (rework).</summary>
    public void Start(Guid actorId, DateTimeOffset now, string? note = null)
    {
        CaseInput.Actor(actorId);
        CaseInput.OptionalNote("note", note);
        var from = EnsureAllowed(CaseAction.Start, actorId);

        Status = CaseStatus.InProgress;
        Append(CaseEventType.CaseStarted, actorId, now, from, note);
    }

    public void Resolve(Guid actorId, DateTimeOffset now, string note, IReadOnlyList<string>? evidenceRefs = null)
    {
        CaseInput.Actor(actorId);
        CaseInput.RequiredNote("note", note);
        CaseInput.EvidenceRefs(evidenceRefs);
        var from = EnsureAllowed(CaseAction.Resolve, actorId);

        Status = CaseStatus.Resolved;
        ResolvedBy = actorId;
        ResolvedAt = now;
        AddEvidence(evidenceRefs);
        Append(CaseEventType.CaseResolved, actorId, now, from, note, evidenceRefs);
    }

    /// <summary>
    /// Checks a resolved case on the ground. Passed: the case is closed. Failed: it goes back to the
    /// assignee for rework (a note saying why is required) and <see cref="ReworkCount"/> goes up.
    /// </summary>
    public void Verify(Guid actorId, DateTimeOffset now, bool passed, string? note = null, IReadOnlyList<string>? evidenceRefs = null)
    {
        CaseInput.Actor(actorId);
        if (passed)
        {
            CaseInput.OptionalNote("note", note);
        }
        else
        {
            CaseInput.RequiredNote("note", note);
        }

        CaseInput.EvidenceRefs(evidenceRefs);
        var failedTo = EscalatedToNodeId is null ? CaseStatus.Returned : CaseStatus.Escalated;
        var from = EnsureAllowed(passed ? CaseAction.VerifyPass : CaseAction.VerifyFail, actorId);

        AddEvidence(evidenceRefs);
        if (passed)
        {
            Status = CaseStatus.Closed;
            ClosedAt = now;
            Append(CaseEventType.CaseVerified, actorId, now, from, note, evidenceRefs);
            return;
        }

        Status = failedTo;
        ReworkCount++;
        ResolvedBy = null;
        ResolvedAt = null;
        Append(CaseEventType.CaseReturned, actorId, now, from, note, evidenceRefs);
    }
}
