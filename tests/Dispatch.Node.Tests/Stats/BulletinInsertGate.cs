using Dispatch.Data.Bulletins;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dispatch.Node.Tests.Stats;

/// <summary>
/// Holds the first <c>parties</c> saves that insert a bulletin until all of them have arrived, so concurrent
/// producers race on the same row for certain, as two replicas would at a period's end. Inactive until armed.
/// </summary>
internal sealed class BulletinInsertGate : SaveChangesInterceptor
{
    private readonly object _lock = new();
    private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _parties;
    private int _arrived;

    /// <summary>How many saves were held since it was armed.</summary>
    public int Held
    {
        get
        {
            lock (_lock)
            {
                return _arrived;
            }
        }
    }

    public void Arm(int parties)
    {
        lock (_lock)
        {
            _parties = parties;
            _arrived = 0;
            _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.ChangeTracker.Entries<Bulletin>().Any(e => e.State == EntityState.Added) != true)
        {
            return result;
        }

        Task all;
        lock (_lock)
        {
            if (_arrived >= _parties)
            {
                return result;
            }

            if (++_arrived == _parties)
            {
                _all.SetResult();
            }

            all = _all.Task;
        }

        // A guard against a hung test only; the parties normally arrive within milliseconds.
        await all.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        return result;
    }
}
