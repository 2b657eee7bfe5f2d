using Dispatch.Data;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Supervision;

namespace Dispatch.Node.Deadlines;

/// <summary>
/// Tells the deadline scheduler, after each durable commit, the earliest alarm the commit wrote (a new case's
/// reminder, a resumed case's moved deadline, a summons). Cheap: the writer calls it once per batch with
/// what it has in hand; the scheduler acts only when that alarm is earlier than the one it has scheduled.
/// </summary>
internal sealed class AlarmSignal
{
    private Action<DateTimeOffset>? _listener;

    public void Listen(Action<DateTimeOffset> listener) => _listener = listener;

    /// <summary>The earliest alarm among the cases and orders a batch committed; null when nobody listens or there is none.</summary>
    public DateTimeOffset? Earliest(DispatchDbContext context, IReadOnlyList<Case> newCases)
    {
        if (_listener is null)
        {
            return null;
        }

        DateTimeOffset? earliest = null;
        void Consider(DateTimeOffset? at)
        {
            if (at is { } value && (earliest is null || value < earliest))
            {
                earliest = value;
            }
        }

        foreach (var @case in newCases)
        {
            Consider(@case.NextAlarmAt);
        }

        foreach (var entry in context.ChangeTracker.Entries<Case>())
        {
            Consider(entry.Entity.NextAlarmAt);
        }

        foreach (var entry in context.ChangeTracker.Entries<SupervisionOrder>())
        {
            Consider(entry.Entity.NextAlarmAt);
        }

        return earliest;
    }

    /// <summary>Tells the scheduler of an alarm that is committed (and durable).</summary>
    public void Raise(DateTimeOffset? at)
    {
        if (at is { } due)
        {
            _listener?.Invoke(due);
        }
    }
}
