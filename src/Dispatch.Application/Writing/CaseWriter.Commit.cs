using System.Diagnostics;
using Dispatch.Data;
using Dispatch.Data.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Dispatch.Application.Writing;

// The commit of one batch: its items in one transaction, then the observers, then the items' callers are answered.
internal sealed partial class CaseWriter
{
    /// <summary>
    /// Commits a batch. Its database calls block this thread (<see cref="BlockingIo"/>); an item's work is
    /// asynchronous in form and completes synchronously here, unless a read needs more than one reply from
    /// the server, and then this thread waits for it.
    /// </summary>
    private void Run(IReadOnlyList<WriteItem> batch, bool optimistic)
    {
        using var context = contexts.CreateDbContext();
        var shared = new WriteBatch(context, optimistic);
        var phase = Stopwatch.GetTimestamp();
        var started = phase;

        // Changes are detected once, just before saving. Detecting them automatically (before every item's
        // queries, and for every item's rollback bookkeeping) scanned every entity the batch had tracked so
        // far, so a batch cost grew with the square of its size. Items add what they create explicitly;
        // what domain methods change on loaded cases (fields, new history entries) waits for this one pass.
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        WriterConnection.Hold(context);
        checkpointer.BeforeBatch(context);
        using var transaction = context.Database.BeginTransaction();
        var results = new (object? Value, Exception? Error)[batch.Count];
        phase = Record("begin", phase);
        for (var i = 0; i < batch.Count; i++)
        {
            results[i] = RunItemAsync(shared, batch[i]).GetAwaiter().GetResult();
        }

        phase = Record("items", phase);
        if (shared.NewCases.Count > 0)
        {
            var inserter = new CaseInserter(context);
            inserter.Insert(shared.NewCases);
        }

        phase = Record("insert", phase);
        context.ChangeTracker.DetectChanges();

        foreach (var observer in _observers)
        {
            observer.Staged(shared);
        }

        context.SaveChanges();
        phase = Record("save", phase);
        transaction.Commit();
        Record("commit", phase);
        metrics.BatchCommitted(batch.Count, started);
        foreach (var observer in _observers)
        {
            observer.Committed(shared);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i].Error is { } error)
            {
                batch[i].Completion.TrySetException(error);
            }
            else
            {
                batch[i].Completion.TrySetResult(results[i].Value);
            }
        }
    }

    /// <summary>Records the time since <paramref name="start"/> under a phase name; returns now.</summary>
    private long Record(string phase, long start)
    {
        var now = Stopwatch.GetTimestamp();
        metrics.WriterPhase(phase, Stopwatch.GetElapsedTime(start, now));
        return now;
    }

    /// <summary>
    /// Runs one item; if it fails, whatever it started tracking (cases it loaded and changed, rows it added)
    /// is taken back so the others still commit. A case that an earlier item of the batch had already loaded
    /// needs nothing: a domain method that throws has changed nothing, and items do nothing that can fail
    /// after their domain method has run.
    /// </summary>
    private static async Task<(object? Value, Exception? Error)> RunItemAsync(WriteBatch batch, WriteItem item)
    {
        var context = batch.Context;
        var tracked = new List<EntityEntry>();
        void OnTracked(object? sender, EntityTrackedEventArgs e) => tracked.Add(e.Entry);
        context.ChangeTracker.Tracked += OnTracked;
        if (item.Caller is { } caller)
        {
            // Restored when this method returns: an async method's changes to the execution context do not leak out.
            Activity.Current = caller;
        }

        try
        {
            return (await item.Work(batch).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is not DbUpdateException)
        {
            context.ChangeTracker.Tracked -= OnTracked;
            foreach (var entry in tracked)
            {
                entry.DetectChanges();
                if (entry.State == EntityState.Added)
                {
                    entry.State = EntityState.Detached;
                }
                else if (entry.State == EntityState.Modified)
                {
                    entry.CurrentValues.SetValues(entry.OriginalValues);
                    entry.State = EntityState.Unchanged;
                }
            }

            return (null, ex);
        }
        finally
        {
            context.ChangeTracker.Tracked -= OnTracked;
        }
    }
}
