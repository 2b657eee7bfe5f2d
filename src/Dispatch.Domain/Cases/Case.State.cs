using Dispatch.Domain.Geography;

namespace Dispatch.Domain.Cases;

/// <summary>The case's state; every setter is private.</summary>
public sealed partial class Case
{
    public Guid Id { get; private set; }

    /// <summary>Human-readable, e.g. <c>C-20261124-000123</c>; chosen by the caller.</summary>
    public string Number { get; private set; }

    /// <summary>The reporting client's idempotency key.</summary>
    public string RequestId { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public string CategoryCode { get; private set; }

    public GridId GridId { get; private set; }

    public Location Location { get; private set; }

    public WhistleClass Whistle { get; private set; }

    public HandlingMode HandlingMode { get; private set; }

    public CaseStatus Status { get; private set; }

    public Guid ReporterId { get; private set; }

    /// <summary>The worker or department handling the case; null before assignment and after reopening.</summary>
    public Assignee? Assignee
    {
        get => Assignee.FromFields(AssigneeKind, AssigneeId);
        private set
        {
            AssigneeKind = value?.Kind;
            AssigneeId = value?.Id;
        }
    }

    /// <summary>The department the routing rules suggested when the case was accepted; null if none applied (or not yet accepted).</summary>
    public Guid? SuggestedDepartmentId { get; private set; }

    /// <summary><see cref="Assignee"/>'s kind, kept as a field of its own so storage can index it with other fields.</summary>
    public AssigneeKind? AssigneeKind { get; private set; }

    /// <summary><see cref="Assignee"/>'s id (a user or a department).</summary>
    public Guid? AssigneeId { get; private set; }

    /// <summary>Who resolved the case (the reporter for Immediate handling); cleared when it is returned.</summary>
    public Guid? ResolvedBy { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    /// <summary>Time of the last change (the last event).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The deadline; null until a deadline policy sets one.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>While deferred: when the case is planned to resume.</summary>
    public DateTimeOffset? DeferredUntil { get; private set; }

    /// <summary>While deferred: when the deadline clock was paused.</summary>
    public DateTimeOffset? PausedAt { get; private set; }

    /// <summary>While deferred: the status the case will resume to.</summary>
    public CaseStatus? StatusBeforeDeferral { get; private set; }

    /// <summary>Total time spent deferred, over all completed deferrals.</summary>
    public TimeSpan PausedTotal { get; private set; }

    /// <summary>Set when a deadline was breached; stays set as a record for evaluation.</summary>
    public bool Overdue { get; private set; }

    /// <summary>When the reminder goes out (a share of the time to <see cref="DueAt"/>); null without a deadline.</summary>
    public DateTimeOffset? RemindAt { get; private set; }

    /// <summary>Set when the reminder went out; cleared when a new deadline puts the reminder in the future again.</summary>
    public bool Reminded { get; private set; }

    /// <summary>The deadline of the supervision order opened on this case after a breach; null when none is open.</summary>
    public DateTimeOffset? SupervisionDueAt { get; private set; }

    /// <summary>Set when the supervision order's deadline passed with the case still open.</summary>
    public bool SupervisionBreached { get; private set; }

    /// <summary>
    /// The earliest deadline still to act on (reminder, breach, supervision breach); null when the case is not
    /// running (closed, deferred, escalated) or has nothing pending. Kept by every change, indexed, so the
    /// node finds what falls due without looking at anything else.
    /// </summary>
    public DateTimeOffset? NextAlarmAt { get; private set; }

    /// <summary>Every evidence reference given so far (report, resolution, verification), without duplicates.</summary>
    public IReadOnlyList<string> EvidenceRefs => _evidenceRefs.AsReadOnly();

    /// <summary>The reporter's rating of the current closure, 1-5.</summary>
    public int? Satisfaction { get; private set; }

    /// <summary>How many times verification failed and the case went back for rework.</summary>
    public int ReworkCount { get; private set; }

    public Guid? MergedIntoCaseId { get; private set; }

    /// <summary>Incremented by every change; the optimistic concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>Append-only; ordered by <see cref="CaseEvent.Sequence"/>.</summary>
    public IReadOnlyList<CaseEvent> History => _history.AsReadOnly();

    /// <summary>See <see cref="CaseLifecycle.IsOpen"/>.</summary>
    public bool IsOpen => CaseLifecycle.IsOpen(Status);
}
