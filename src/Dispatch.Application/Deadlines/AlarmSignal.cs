using Dispatch.Application.Writing;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Supervision;

namespace Dispatch.Application.Deadlines;

/// <summary>
/// Tells the deadline scheduler, after each commit, the earliest alarm the commit wrote (a new case's
/// reminder, a resumed case's moved deadline, a summons). Cheap: the writer calls it once per batch with
/// what it has in hand; the scheduler acts only when that alarm is earlier than the one it has scheduled.
/// </summary>
internal sealed class AlarmSignal : ICommitObserver
{
    private Action<DateTimeOffset>? _listener;

    public void Listen(Action<DateTimeOffset> listener) => _listener = listener;

    public void Staged(WriteBatch batch)
    {
    }

    /// <summary>Looks at the cases and orders of a committed batch.</summary>
    public void Committed(WriteBatch batch)
    {
        if (_listener is null)
        {
            return;
        }

        DateTimeOffset? earliest = null;
        void Consider(DateTimeOffset? at)
        {
            if (at is { } value && (earliest is null || value < earliest))
            {
                earliest = value;
            }
        }

        foreach (var @case in batch.NewCases)
        {
            Consider(@case.NextAlarmAt);
        }

        foreach (var entry in batch.Context.ChangeTracker.Entries<Case>())
        {
            Consider(entry.Entity.NextAlarmAt);
        }

        foreach (var entry in batch.Context.ChangeTracker.Entries<SupervisionOrder>())
        {
            Consider(entry.Entity.NextAlarmAt);
        }

        if (earliest is { } due)
        {
            _listener(due);
        }
    }
}
