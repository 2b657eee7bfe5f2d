using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases;

/// <summary>What the clock does to a running case: the reminder, the breach, supervision after a breach.</summary>
public sealed partial class Case
{
    /// <summary>Whether the deadline clock runs: open and not deferred (an escalated case runs at its parent).</summary>
    public bool ClockRuns => IsOpen && Status != CaseStatus.Deferred;

    /// <summary>
    /// Acts on every deadline of the case that has passed by <paramref name="now"/>, in order: the reminder, the
    /// breach, the supervision order's breach. Idempotent: what was already recorded is not recorded again, and
    /// a case whose clock does not run (or whose deadlines moved later) is left alone.
    /// </summary>
    public DeadlineOutcome FireDueAlarms(DateTimeOffset now)
    {
        var outcome = DeadlineOutcome.None;
        if (!ClockRuns)
        {
            return outcome;
        }

        if (!Reminded && RemindAt <= now && !(DueAt <= now))
        {
            Reminded = true;
            Append(CaseEventType.CaseReminded, actorId: null, now, Status, $"Reminder: the deadline is {DueAt:yyyy-MM-dd HH:mm} UTC.");
            outcome |= DeadlineOutcome.Reminded;
        }

        if (!Overdue && DueAt <= now)
        {
            // A breach makes the reminder moot: it is not sent late.
            Reminded = RemindAt is not null;
            MarkOverdue(now);
            outcome |= DeadlineOutcome.Breached;
        }

        if (!SupervisionBreached && SupervisionDueAt <= now)
        {
            SupervisionBreached = true;
            Append(CaseEventType.CaseSupervisionBreached, actorId: null, now, Status, $"The supervision deadline {SupervisionDueAt:yyyy-MM-dd HH:mm} UTC passed.");
            outcome |= DeadlineOutcome.SupervisionBreached;
        }

        return outcome;
    }

    /// <summary>
    /// Records that a supervision order was opened on the case (by <paramref name="supervisor"/>: the
    /// supervising tier's node id), with its own deadline; a later breach of it is <see cref="DeadlineOutcome.SupervisionBreached"/>.
    /// </summary>
    public void OpenSupervision(DateTimeOffset now, DateTimeOffset dueAt, string supervisor, string reason)
    {
        Check.Input(new SupervisionMustEndAfterItOpens(dueAt, now));
        CaseInput.RequiredNote("reason", reason);
        Check.Rule(new OnlyRunningCaseCanBeSupervised(Status));

        SupervisionDueAt = dueAt;
        SupervisionBreached = false;
        Append(CaseEventType.CaseSupervised, actorId: null, now, Status, $"Supervised by {supervisor} until {dueAt:yyyy-MM-dd HH:mm} UTC: {reason}");
    }

    /// <summary>Records a note about the case's deadlines that changes no state (a summons, an acknowledgement, a breached summons).</summary>
    public void RecordDeadlineEvent(CaseEventType type, Guid? actorId, DateTimeOffset now, string note)
    {
        if (type is not (CaseEventType.CaseSummoned or CaseEventType.CaseSummonsAcknowledged or CaseEventType.CaseSummonsBreached))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Only summons events are recorded without a state change.");
        }

        CaseInput.RequiredNote("note", note);
        Check.Rule(new OnlyRunningCaseCanBeSupervised(Status));
        Append(type, actorId, now, Status, note);
    }

    private DateTimeOffset? NextAlarm()
    {
        if (!ClockRuns)
        {
            return null;
        }

        DateTimeOffset? next = null;
        void Consider(DateTimeOffset? at)
        {
            if (at is { } value && (next is null || value < next))
            {
                next = value;
            }
        }

        if (!Reminded)
        {
            Consider(RemindAt);
        }

        if (!Overdue)
        {
            Consider(DueAt);
        }

        if (!SupervisionBreached)
        {
            Consider(SupervisionDueAt);
        }

        return next;
    }
}

/// <summary>What <see cref="Case.FireDueAlarms"/> recorded.</summary>
[Flags]
public enum DeadlineOutcome
{
    None = 0,
    Reminded = 1,
    Breached = 2,
    SupervisionBreached = 4,
}
