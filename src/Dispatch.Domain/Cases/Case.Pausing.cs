using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases;

/// <summary>The deadline: deferral pauses its clock, resuming moves it later by the paused time.</summary>
public sealed partial class Case
{
    /// <summary>Puts the case on hold until <paramref name="until"/>; the deadline clock stops now.</summary>
    public void Defer(Guid actorId, DateTimeOffset now, DateTimeOffset until, string reason)
    {
        CaseInput.Actor(actorId);
        Check.Input(new DeferralMustEndInTheFuture(until, now));
        CaseInput.RequiredNote("reason", reason);
        var from = EnsureAllowed(CaseAction.Defer, actorId);

        StatusBeforeDeferral = from;
        PausedAt = now;
        DeferredUntil = until;
        Status = CaseStatus.Deferred;
        Append(CaseEventType.CaseDeferred, actorId, now, from, reason);
    }

    /// <summary>
    /// Ends a deferral (early or late: the pause lasts until now, whatever <see cref="DeferredUntil"/>
    /// said) and returns to the status the case was deferred from, with <see cref="DueAt"/> moved later
    /// by the paused time.
    /// </summary>
    public void Resume(Guid actorId, DateTimeOffset now, string? note = null)
    {
        CaseInput.Actor(actorId);
        CaseInput.OptionalNote("note", note);
        var from = EnsureAllowed(CaseAction.Resume, actorId);

        Status = EndPause(now);
        Append(CaseEventType.CaseResumed, actorId, now, from, note);
    }

    /// <summary>
    /// Sets or clears the deadline (the platform's deadline policy calls this), with the reminder time (at or
    /// before the deadline; none when left out). A reminder moved into the future goes out again.
    /// </summary>
    public void Reschedule(DateTimeOffset now, DateTimeOffset? dueAt, DateTimeOffset? remindAt = null, string? note = null)
    {
        Check.Input(new DeadlineMustFollowReport(dueAt, ReportedAt));
        Check.Input(new ReminderMustNotFollowDeadline(remindAt, dueAt));
        Check.Rule(new OnlyOpenCaseCanBeRescheduled(Status));
        Check.Rule(new DeferredCaseCannotBeRescheduled(Status));

        DueAt = dueAt;
        RemindAt = dueAt is null ? null : remindAt;
        if (RemindAt > now)
        {
            Reminded = false;
        }

        Append(CaseEventType.CaseRescheduled, actorId: null, now, Status, note);
    }

    /// <summary>
    /// Records a deadline breach. Idempotent: returns false and changes nothing when the case is
    /// already overdue, so a breach delivered twice is harmless.
    /// </summary>
    public bool MarkOverdue(DateTimeOffset now)
    {
        if (Overdue)
        {
            return false;
        }

        Check.Rule(new OnlyOpenCaseCanBecomeOverdue(Status));
        Check.Rule(new DeferredCaseCannotBecomeOverdue(Status));
        Check.Rule(new DeadlineMustHavePassed(DueAt, now));

        Overdue = true;
        Append(CaseEventType.CaseMarkedOverdue, actorId: null, now, Status, note: null);
        return true;
    }

    /// <summary>Closes the current pause: moves the deadline and clears the bookkeeping. Returns the status to go back to.</summary>
    private CaseStatus EndPause(DateTimeOffset now)
    {
        var resumeTo = StatusBeforeDeferral ?? throw new InvalidOperationException("The case is not deferred.");
        var paused = now - PausedAt!.Value;
        if (paused < TimeSpan.Zero)
        {
            paused = TimeSpan.Zero;
        }

        DueAt += paused;
        RemindAt += paused;
        SupervisionDueAt += paused;
        PausedTotal += paused;
        PausedAt = null;
        DeferredUntil = null;
        StatusBeforeDeferral = null;
        return resumeTo;
    }
}
