using System.Diagnostics;
using System.Threading.Channels;
using Dispatch.Application.Telemetry;
using Dispatch.Data;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Writing;

/// <summary>
/// The node's single writer. Every case change is a work item queued here; a loop takes whatever has
/// queued up (up to <see cref="MaxBatch"/>) and commits it in one transaction, so concurrent reports
/// share one durable commit (fsync) instead of paying one each. Feed sequence numbers are assigned
/// in commit order: one writer per process, and on PostgreSQL the data layer's advisory lock
/// (taken when feed rows are saved) serializes the writers of several replicas.
/// </summary>
internal sealed partial class CaseWriter(
    [FromKeyedServices(DispatchDataServiceCollectionExtensions.WriterKey)] IDbContextFactory<DispatchDbContext> contexts,
    IEnumerable<ICommitObserver> observers,
    WalCheckpointer checkpointer,
    NodeMetrics metrics,
    ILogger<CaseWriter> logger) : BackgroundService
{
    public const int MaxBatch = 256;

    // An array, not the container's enumerable: the writer walks it at every commit.
    private readonly ICommitObserver[] _observers = [.. observers];

    private readonly ManualResetEventSlim _workQueued = new(initialState: false, spinCount: 0);

    private readonly Channel<WriteItem> _queue = Channel.CreateBounded<WriteItem>(
        new BoundedChannelOptions(16 * MaxBatch) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private int _batchesRetried;
    private int _batchesSplit;

    /// <summary>Work items queued and not yet taken into a batch.</summary>
    internal int Queued => _queue.Reader.Count;

    /// <summary>Since the node started: batches whose shared commit failed and were run again whole with every check made, and those of them that then failed too and were split into single items.</summary>
    internal (int Retried, int Split) BatchRetries => (Volatile.Read(ref _batchesRetried), Volatile.Read(ref _batchesSplit));

    /// <summary>Queues a change; completes once it is committed (or failed, with nothing written).</summary>
    public Task<T> WriteAsync<T>(Func<DispatchDbContext, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(batch => work(batch.Context), cancellationToken);

    /// <summary>Queues a change that uses what the batch offers (lookups shared by its items, the attempt it is in).</summary>
    public async Task<T> WriteAsync<T>(Func<WriteBatch, Task<T>> work, CancellationToken cancellationToken)
    {
        var item = new WriteItem(async batch => await work(batch).ConfigureAwait(false));
        await _queue.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        return (T)(await item.Completion.Task.ConfigureAwait(false))!;
    }

    /// <summary>
    /// Runs the writer's loop on a thread of its own. On the thread pool, every step of the loop that
    /// yields (waiting for work, a database call that completes later) waits in the pool's queue behind
    /// the request handlers' work items, so under load a commit of the one writer that every caller waits
    /// for can take longer than its work. On its own thread the loop blocks instead, and is scheduled by
    /// the kernel like the pool's threads. Its database calls block it (<see cref="BlockingIo"/>), so on
    /// both providers a whole batch runs on this thread, and a reply from PostgreSQL wakes it without a
    /// work item on the pool.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(stoppingToken);
                finished.TrySetResult();
            }
            catch (Exception ex)
            {
                finished.TrySetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "Dispatch case writer",
        };
        thread.Start();
        return finished.Task;
    }

    private void Run(CancellationToken stoppingToken)
    {
        BlockingIo.MarkThisThread();
        var batch = new List<WriteItem>(MaxBatch);
        try
        {
            var idle = Stopwatch.GetTimestamp();
            while (WaitForWork(stoppingToken))
            {
                Record("idle", idle);
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                CommitBatch(batch);
                batch.Clear();
                idle = Stopwatch.GetTimestamp();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            using var context = contexts.CreateDbContext();
            WriterConnection.Release(context);
        }

        // Nothing queued is left hanging at shutdown.
        while (_queue.Reader.TryRead(out var left))
        {
            left.Completion.TrySetException(new OperationCanceledException("The node is shutting down."));
        }
    }

    /// <summary>
    /// Blocks until work is queued; false once the queue is closed. Blocks without spinning first (a task's
    /// <c>Wait</c> spins, yielding the core, before it sleeps): with nothing queued the next item is
    /// usually more than a spin away, and on a small machine the spinning took the core from the request handlers
    /// that were about to queue it.
    /// </summary>
    private bool WaitForWork(CancellationToken stoppingToken)
    {
        var wait = _queue.Reader.WaitToReadAsync(stoppingToken);
        if (!wait.IsCompleted)
        {
            _workQueued.Reset();
            wait.GetAwaiter().UnsafeOnCompleted(_workQueued.Set);
            _workQueued.Wait(CancellationToken.None);
        }

        return wait.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Commits a batch; if its shared commit fails, runs it again with every check made, and if that fails too, each
    /// item alone on a context of its own, so that only the item at fault fails. Only a failure of the database
    /// itself (<see cref="IsDatabaseDown"/>) fails the whole batch at once.
    /// </summary>
    private void CommitBatch(List<WriteItem> batch)
    {
        try
        {
            Run(batch, optimistic: true);
            return;
        }
        catch (Exception ex) when (!IsDatabaseDown(ex))
        {
            // One item broke the shared commit (a unique key, a concurrent replica), or left a check to the
            // database's constraints: redo the batch with every check made, which commits it whole if the
            // conflict was one those checks catch (a report whose number or request id is already taken, a
            // child's escalation that an earlier batch took). An item may also have left the change tracker in a
            // state that fails the save (not a DbUpdateException then, e.g. EF Core's "Unexpected entry.EntityState:
            // Detached"): that is retried the same way rather than failing every item of the batch.
            LogBatchRetry(ex, batch.Count);
            CountRetry(ref _batchesRetried, "checked");
        }
        catch (Exception ex)
        {
            Fail(batch, ex);
            return;
        }

        try
        {
            Run(batch, optimistic: false);
            return;
        }
        catch (Exception ex) when (batch.Count > 1 && !IsDatabaseDown(ex))
        {
        }
        catch (Exception ex)
        {
            Fail(batch, ex);
            return;
        }

        // Each item alone, on a fresh context (Run makes one per attempt): nothing another item tracked or left
        // behind is in it, so only the item at fault fails.
        CountRetry(ref _batchesSplit, "alone");
        foreach (var item in batch)
        {
            try
            {
                Run([item], optimistic: false);
            }
            catch (Exception single)
            {
                item.Completion.TrySetException(single);
            }
        }
    }

    /// <summary>
    /// Whether a failed attempt failed on the database itself (unreachable, its connection or file failing) rather
    /// than on what an item wrote: the provider's own exception, not wrapped by EF Core as a refused update. Running
    /// the items one by one would only repeat that failure once per item.
    /// </summary>
    private static bool IsDatabaseDown(Exception error) => error is System.Data.Common.DbException;

    /// <summary>
    /// Logs why a batch is run again. A unique key refusing it is expected (a client's retried request id, a child's
    /// retried escalation, a case number taken in an earlier batch: checks the first attempt leaves to the index), and
    /// the checked run answers it: Debug. Anything else is not: Warning.
    /// </summary>
    private void LogBatchRetry(Exception error, int count)
    {
        if (error is DbUpdateException update && update.IsUniqueViolation())
        {
            LogBatchRetriedOnUniqueKey(logger, count, error.Message);
        }
        else
        {
            LogBatchSplit(logger, count, error.Message);
        }
    }

    /// <summary>Counts a retry of a batch for this writer (<see cref="BatchRetries"/>) and on the meter.</summary>
    private void CountRetry(ref int count, string kind)
    {
        Interlocked.Increment(ref count);
        metrics.BatchRetried(kind);
    }

    private static void Fail(List<WriteItem> batch, Exception error)
    {
        foreach (var item in batch)
        {
            item.Completion.TrySetException(error);
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _workQueued.Dispose();
    }

    [LoggerMessage(1, LogLevel.Warning, "A batch of {Count} writes failed to commit ({Message}); retrying it with every check made.")]
    private static partial void LogBatchSplit(ILogger logger, int count, string message);

    [LoggerMessage(2, LogLevel.Debug, "A batch of {Count} writes met a unique key ({Message}); retrying it with every check made.")]
    private static partial void LogBatchRetriedOnUniqueKey(ILogger logger, int count, string message);

    private sealed class WriteItem(Func<WriteBatch, Task<object?>> work)
    {
        public Func<WriteBatch, Task<object?>> Work { get; } = work;

        /// <summary>
        /// The trace span of the caller that queued the item (null when nothing traces): the item runs on the writer's
        /// thread, where it is made current again, so what the item stages (an outbox message's trace parent) belongs
        /// to the caller's trace.
        /// </summary>
        public Activity? Caller { get; } = Activity.Current;

        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
