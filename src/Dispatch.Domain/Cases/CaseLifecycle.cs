using static Dispatch.Domain.Cases.CaseAction;
using static Dispatch.Domain.Cases.CaseStatus;

namespace Dispatch.Domain.Cases;

/// <summary>
/// The one place that says which moves are legal. <see cref="Case"/> asks it before every change of
/// status and fails with <c>IllegalTransition</c> when the move is not listed here.
/// </summary>
public static class CaseLifecycle
{
    /// <summary>Every legal (action, from, to). Reporting creates a case in Reported and is not listed.</summary>
    public static IReadOnlyList<CaseTransition> Transitions { get; } =
    [
        // Intake. Immediate handling skips it: the reporter fixed the problem on the spot.
        new(ResolveOnTheSpot, Reported, Resolved),
        new(Accept, Reported, Accepted),
        new(Reject, Reported, Rejected),

        // Dispatch; reassigning an assigned or returned case is allowed.
        new(Assign, Accepted, Assigned),
        new(Assign, Assigned, Assigned),
        new(Assign, Returned, Assigned),

        // Handling, and rework when verification fails.
        new(Start, Assigned, InProgress),
        new(Start, Returned, InProgress),
        new(Resolve, InProgress, Resolved),
        new(VerifyPass, Resolved, Closed),
        new(VerifyFail, Resolved, Returned),

        // On hold while work is pending; resuming returns to the status the case was deferred from.
        new(Defer, Accepted, Deferred),
        new(Defer, Assigned, Deferred),
        new(Defer, InProgress, Deferred),
        new(Defer, Returned, Deferred),
        new(Resume, Deferred, Accepted),
        new(Resume, Deferred, Assigned),
        new(Resume, Deferred, InProgress),
        new(Resume, Deferred, Returned),

        // A reopened case goes back to the command centre's queue to be dispatched again.
        new(Reopen, Closed, Accepted),

        // Any open state can go to the parent node.
        new(Escalate, Reported, Escalated),
        new(Escalate, Accepted, Escalated),
        new(Escalate, Assigned, Escalated),
        new(Escalate, InProgress, Escalated),
        new(Escalate, Resolved, Escalated),
        new(Escalate, Returned, Escalated),
        new(Escalate, Deferred, Escalated),

        // Escalated cases follow their parent: when it resolves, the reporting grid verifies here; a
        // failed verification sends the case back up; the parent may hand an escalation back, or refuse the
        // escalation message outright (before taking it). On the parent's side, an escalation it hands back ends there.
        new(ParentResolve, Escalated, Resolved),
        new(VerifyFail, Resolved, Escalated),
        new(ReturnEscalation, Escalated, Accepted),
        new(RefuseEscalation, Escalated, Accepted),
        new(ReturnEscalation, Reported, Rejected),
        new(ReturnEscalation, Accepted, Rejected),

        // Duplicates are caught before work starts on them.
        new(Merge, Reported, Merged),
        new(Merge, Accepted, Merged),
        new(Merge, Assigned, Merged),
    ];

    private static readonly HashSet<CaseTransition> Allowed = [.. Transitions];

    public static bool IsAllowed(CaseAction action, CaseStatus from, CaseStatus to) =>
        Allowed.Contains(new CaseTransition(action, from, to));

    /// <summary>The legal moves out of <paramref name="from"/>.</summary>
    public static IEnumerable<CaseTransition> From(CaseStatus from) => Transitions.Where(t => t.From == from);

    /// <summary>
    /// True while this node is still working on the case (it has a running or paused deadline).
    /// Escalated is not open here: the parent node owns it.
    /// </summary>
    public static bool IsOpen(CaseStatus status) =>
        status is Reported or Accepted or Assigned or InProgress or Resolved or Returned or Deferred;

    /// <summary>Every open status (<see cref="IsOpen"/>), in declaration order.</summary>
    public static IReadOnlyList<CaseStatus> OpenStatuses { get; } = [.. Enum.GetValues<CaseStatus>().Where(IsOpen)];
}
