using System.Linq.Expressions;
using System.Threading.Channels;
using Dispatch.Data;
using Dispatch.Data.Escalation;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Node.Escalation;

/// <summary>
/// Delivers the outbox to the parent as a pipeline, so a message waits only for its own case's earlier messages:
/// <list type="bullet">
/// <item>a reader takes new messages as soon as they are committed, also while others are in flight, and hands each
/// to its case's lane. The writer hands them over (<see cref="OutboxSignal"/>), so the reader reads the outbox only
/// at start and once a second (for what it cannot be handed: another replica's commits, a message dropped while
/// <see cref="MaxTracked"/> were in hand);</item>
/// <item>a lane per case sends that case's messages one after the other, in sequence order (a case's next message
/// waits only for the parent's answer to its previous one); lanes of different cases run side by side, up to
/// <see cref="MaxCalls"/> calls at once;</item>
/// <item>a recorder writes the answers (delivered, or refused for good) in batches through the single writer,
/// without holding up any send.</item>
/// </list>
/// A message is marked delivered only after the parent answered, and the parent de-duplicates, so a crash at any
/// point (before a send, between an answer and its mark, with marks still queued) costs a harmless repeat after
/// the restart, never a loss: at-least-once delivery, exactly-once effect. A message refused for good does not
/// hold up the messages behind it, not even its own case's: each is a statement the parent judges on its own (an
/// escalation keyed by the case, a verdict by its rework round, a supervision order by its version), and waiting
/// behind a refusal that needs an operator would stall the case for nothing. A requeued message keeps its
/// sequence, so requeueing a case's refused messages sends them in their order again.
/// </summary>
internal sealed partial class OutboxRelay(
    ParentClient parent,
    OutboxDelivery delivery,
    OutboxSettlement settlement,
    IDbContextFactory<DispatchDbContext> contexts,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    /// <summary>Calls to the parent at once (one per case at most).</summary>
    private const int MaxCalls = 64;

    /// <summary>Messages read and not yet recorded as answered; past this the reader waits for answers to be recorded.</summary>
    private const int MaxTracked = 4_096;

    private const int ReadPage = 256;
    private const int RecordBatch = 256;

    /// <summary>
    /// How often the reader looks again from the start of the outbox: for messages it cannot see coming by their
    /// sequence (a requeued message, a replica's commit that landed behind a later one) and a commit it missed.
    /// </summary>
    private static readonly TimeSpan Rescan = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _calls = new(MaxCalls);
    private readonly Channel<OutboxOutcome> _answers = Channel.CreateUnbounded<OutboxOutcome>(new UnboundedChannelOptions { SingleReader = true });

    // Read and not yet recorded; the reader filters by it, and answers leave it only once recorded, both under
    // _trackedLock, so a read that raced a recording never hands a delivered message out again.
    private readonly SemaphoreSlim _trackedLock = new(1, 1);
    private readonly HashSet<long> _tracked = [];
    private int _trackedCount;

    private long _pagesRead;

    // Each case's messages waiting behind the one its lane is sending; a case has an entry while its lane runs.
    private readonly Dictionary<Guid, Queue<(OutboxMessage Message, string? Target)>> _lanes = [];

    /// <summary>Pages of the outbox read so far (the writer hands committed messages over; reads are for the rest).</summary>
    internal long PagesRead => Interlocked.Read(ref _pagesRead);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (parent.Upstreams.Count == 0)
        {
            return;
        }

        signal.Attach();
        var recorder = RecordAnswersAsync(stoppingToken);
        try
        {
            await ReadAsync(stoppingToken);
        }
        finally
        {
            _answers.Writer.TryComplete();
            await recorder;
        }
    }

    /// <summary>Hands new messages to their lanes as they are committed.</summary>
    private async Task ReadAsync(CancellationToken stoppingToken)
    {
        long after = 0;
        var rescanAt = clock.GetUtcNow();
        var read = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before taking or reading, so a commit between those and the wait is not missed.
            var nextCommit = signal.NextCommit;
            var full = false;
            try
            {
                read |= await TakeCommittedAsync(stoppingToken);
                if (clock.GetUtcNow() >= rescanAt)
                {
                    after = 0;
                    rescanAt = clock.GetUtcNow() + Rescan;
                    read = true;
                }

                if (read && Volatile.Read(ref _trackedCount) < MaxTracked)
                {
                    (after, full) = await ReadPageAsync(after, stoppingToken);
                    read = full;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex.Message);
            }

            if (!full)
            {
                try
                {
                    await nextCommit.WaitAsync(Rescan, clock, stoppingToken);
                }
                catch (TimeoutException)
                {
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Starts the messages the writer handed over that are not already in hand; true if some were left to the next
    /// read of the outbox because <see cref="MaxTracked"/> were in hand. A message the reader had already read (its
    /// read raced the commit) is in hand and skipped. One read, sent, answered and recorded in the moment between
    /// its commit and this would be sent again: the parent de-duplicates, as after a crash.
    /// </summary>
    private async Task<bool> TakeCommittedAsync(CancellationToken cancellationToken)
    {
        await _trackedLock.WaitAsync(cancellationToken);
        try
        {
            var left = false;
            while (signal.TryTake(out var committed))
            {
                if (_tracked.Count >= MaxTracked)
                {
                    left = true;
                }
                else if (_tracked.Add(committed.Message.Sequence))
                {
                    Enqueue(committed.Message, committed.Target, cancellationToken);
                }
            }

            Volatile.Write(ref _trackedCount, _tracked.Count);
            return left;
        }
        finally
        {
            _trackedLock.Release();
        }
    }

    /// <summary>
    /// Reads pending messages after <paramref name="after"/>, oldest first, each with the node its case was
    /// escalated to, and starts the ones not already in hand; returns how far it read and whether the page was full.
    /// </summary>
    private async Task<(long After, bool Full)> ReadPageAsync(long after, CancellationToken cancellationToken)
    {
        await _trackedLock.WaitAsync(cancellationToken);
        try
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            var rows = await PendingAfter.For(context)(context, after).ToListAsync(cancellationToken);
            Interlocked.Increment(ref _pagesRead);
            foreach (var row in rows)
            {
                if (_tracked.Add(row.Message.Sequence))
                {
                    Enqueue(row.Message, row.Target, cancellationToken);
                }
            }

            Volatile.Write(ref _trackedCount, _tracked.Count);
            return (rows.Count == 0 ? after : rows[^1].Message.Sequence, rows.Count == ReadPage);
        }
        finally
        {
            _trackedLock.Release();
        }
    }

    /// <summary>A page of pending messages after a sequence, each with the node its case went to: a range of the outbox's pending index.</summary>
    internal static readonly Expression<Func<DispatchDbContext, long, IQueryable<PendingRow>>> PendingQuery =
        (context, after) => (
            from message in context.Outbox.AsNoTracking()
            where message.DeliveredAt == null && message.RefusedAt == null && message.Sequence > after
            orderby message.Sequence
            join @case in context.Cases.AsNoTracking() on message.CaseId equals @case.Id into cases
            from @case in cases.DefaultIfEmpty()
            select new PendingRow(message, @case == null ? null : @case.EscalatedToNodeId))
            .Take(ReadPage);

    // Compiled (CompiledQuery): read at start, once a second, and after handed messages were left for want of room.
    private static readonly CompiledQuery<Func<DispatchDbContext, long, IAsyncEnumerable<PendingRow>>> PendingAfter = new(() => EF.CompileAsyncQuery(PendingQuery));

    /// <summary>Queues a message behind its case's earlier ones, or starts the case's lane.</summary>
    private void Enqueue(OutboxMessage message, string? target, CancellationToken stoppingToken)
    {
        lock (_lanes)
        {
            if (_lanes.TryGetValue(message.CaseId, out var waiting))
            {
                waiting.Enqueue((message, target));
                return;
            }

            _lanes.Add(message.CaseId, new Queue<(OutboxMessage, string?)>());
        }

        _ = RunLaneAsync(message, target, stoppingToken);
    }

    /// <summary>Sends one case's messages in order until its queue is empty.</summary>
    private async Task RunLaneAsync(OutboxMessage message, string? target, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var caseId = message.CaseId;
        try
        {
            while (true)
            {
                _answers.Writer.TryWrite(await DeliverAsync(message, target, stoppingToken));
                lock (_lanes)
                {
                    if (!_lanes[caseId].TryDequeue(out var next))
                    {
                        _lanes.Remove(caseId);
                        return;
                    }

                    (message, target) = next;
                }
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down (a call cut short, the channel closed): what is not recorded is sent again after the restart.
        }
    }

    /// <summary>One message, until the parent answers; a local failure (not an answer) is logged and tried again later.</summary>
    private async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, string? target, CancellationToken stoppingToken)
    {
        while (true)
        {
            await _calls.WaitAsync(stoppingToken);
            try
            {
                return await delivery.DeliverAsync(message, target, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex.Message);
            }
            finally
            {
                _calls.Release();
            }

            await Task.Delay(Rescan, clock, stoppingToken);
        }
    }

    /// <summary>Writes the answers in batches, as they come, then lets the reader forget them.</summary>
    private async Task RecordAnswersAsync(CancellationToken stoppingToken)
    {
        var batch = new List<OutboxOutcome>(RecordBatch);
        try
        {
            while (await _answers.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < RecordBatch && _answers.Reader.TryRead(out var answer))
                {
                    batch.Add(answer);
                }

                await SettleAsync(batch, stoppingToken);

                await _trackedLock.WaitAsync(stoppingToken);
                try
                {
                    foreach (var answer in batch)
                    {
                        _tracked.Remove(answer.Message.Sequence);
                    }

                    Volatile.Write(ref _trackedCount, _tracked.Count);
                }
                finally
                {
                    _trackedLock.Release();
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Answers not recorded yet are sent again after the restart; the parent de-duplicates.
        }
    }

    /// <summary>Writes one batch of answers; a failed write is tried again with the same answers.</summary>
    private async Task SettleAsync(List<OutboxOutcome> batch, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await settlement.SettleAsync(batch, stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex.Message);
            }

            await Task.Delay(Rescan, clock, stoppingToken);
        }
    }

    internal sealed record PendingRow(OutboxMessage Message, string? Target);

    [LoggerMessage(2, LogLevel.Error, "Outbox delivery failed: {Message}; the messages stay queued and are tried again.")]
    private static partial void LogFailed(ILogger logger, string message);
}
