using Dispatch.Contracts.V1;
using Dispatch.Data;
using Dispatch.Data.Escalation;
using Dispatch.Node.Application;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Polly;
using Polly.Retry;

namespace Dispatch.Node.Escalation;

/// <summary>
/// Delivers the outbox to the parent until each message is acknowledged: oldest first, each case's
/// messages in order. A message is marked delivered only after the parent answered; the parent
/// de-duplicates, so a crash between its answer and the mark (or a timeout whose call did land) costs
/// a harmless repeat, never a loss. Up to <see cref="MaxParallelCases"/> cases are in flight at once
/// and a batch is marked in one write: one call and one write per message in turn kept up with only
/// 10-30 escalations a second on a busy node (scripts/bench-escalation.sh), so the backlog grew without end.
/// </summary>
internal sealed partial class OutboxRelay(
    ParentClient parent,
    Microsoft.Extensions.Options.IOptions<Hosting.NodeOptions> options,
    IDbContextFactory<DispatchDbContext> contexts,
    CaseWriter writer,
    CaseFeedSignal signal,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private const int MaxParallelCases = 16;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder { TimeProvider = clock }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(100),
            MaxDelay = TimeSpan.FromSeconds(5),
            OnRetry = args =>
            {
                LogRetry(logger, args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? "");
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (parent.Upstreams.Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var nextCommit = signal.NextCommit;
            var pending = new List<(OutboxMessage Message, string? Target)>();
            try
            {
                pending = await PendingAsync(stoppingToken);
                await DeliverBatchAsync(pending, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A message the parent refuses for good (e.g. INVALID_ARGUMENT) stays in the outbox
                // and is retried after the idle wait; it is logged, never dropped.
                LogFailed(logger, ex.Message);
                pending.Clear();
            }

            if (pending.Count == 0)
            {
                try
                {
                    await nextCommit.WaitAsync(IdlePoll, clock, stoppingToken);
                }
                catch (TimeoutException)
                {
                }
            }
        }
    }

    /// <summary>
    /// Sends a batch: the messages of one case in order, different cases side by side (the parent
    /// de-duplicates, and nothing orders one case's messages against another's); then marks every
    /// acknowledged message in one write, even when some failed, so one refused message does not
    /// send the others again.
    /// </summary>
    private async Task DeliverBatchAsync(List<(OutboxMessage Message, string? Target)> pending, CancellationToken stoppingToken)
    {
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<(OutboxMessage Message, Guid? ParentCaseId)>();
        Exception? failure = null;
        await Parallel.ForEachAsync(
            pending.GroupBy(p => p.Message.CaseId),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelCases, CancellationToken = stoppingToken },
            async (messages, token) =>
            {
                try
                {
                    foreach (var (message, target) in messages)
                    {
                        var parentCaseId = await _retry.ExecuteAsync(async t => await SendAsync(message, target, t), token);
                        acknowledged.Add((message, parentCaseId));
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    Interlocked.CompareExchange(ref failure, ex, null);
                }
            });

        if (!acknowledged.IsEmpty)
        {
            await MarkDeliveredAsync(acknowledged.ToList(), stoppingToken);
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Undelivered messages, oldest first, each with the node its case was escalated to.</summary>
    private async Task<List<(OutboxMessage Message, string? Target)>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from message in context.Outbox.AsNoTracking()
            where message.DeliveredAt == null
            orderby message.Sequence
            join @case in context.Cases.AsNoTracking() on message.CaseId equals @case.Id into cases
            from @case in cases.DefaultIfEmpty()
            select new { Message = message, Target = @case == null ? null : @case.EscalatedToNodeId })
            .Take(100)
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Message, (string?)r.Target)).ToList();
    }

    /// <summary>One call to the parent; returns the parent's case id for an escalation.</summary>
    private async Task<Guid?> SendAsync(OutboxMessage message, string? target, CancellationToken cancellationToken)
    {
        // The node the case went to; a case handed back since then still owes its parent the message.
        var client = target is not null && parent.Upstreams.Any(u => u.Id == target) ? parent.For(target) : parent.Escalations ?? parent.For(parent.Upstreams[0].Id);
        var deadline = DateTime.UtcNow + options.Value.ParentCallTimeout;
        switch (message.Kind)
        {
            case OutboxKind.Escalate:
                var escalated = await client.EscalateAsync(EscalateRequest.Parser.ParseFrom(message.Payload), deadline: deadline, cancellationToken: cancellationToken);
                return Guid.Parse(escalated.CaseId);
            case OutboxKind.Supervision:
                // Supervision goes to the parent (the supervising tier), whichever node the case went to.
                await (parent.Escalations ?? client).SuperviseAsync(SuperviseRequest.Parser.ParseFrom(message.Payload), deadline: deadline, cancellationToken: cancellationToken);
                return null;
            case OutboxKind.Verification:
                await client.ReportVerificationAsync(ReportVerificationRequest.Parser.ParseFrom(message.Payload), deadline: deadline, cancellationToken: cancellationToken);
                return null;
            default:
                throw new InvalidOperationException($"Unknown outbox message kind {message.Kind}.");
        }
    }

    /// <summary>Marks acknowledged messages delivered and links escalated cases to the parent's case, in one write.</summary>
    private Task MarkDeliveredAsync(List<(OutboxMessage Message, Guid? ParentCaseId)> acknowledged, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            async context =>
            {
                var sequences = acknowledged.Select(a => a.Message.Sequence).ToList();
                var now = clock.GetUtcNow();
                foreach (var stored in await context.Outbox.Where(m => sequences.Contains(m.Sequence)).ToListAsync(cancellationToken))
                {
                    stored.MarkDelivered(now);
                }

                var links = acknowledged.Where(a => a.ParentCaseId is not null).GroupBy(a => a.Message.CaseId).ToDictionary(g => g.Key, g => g.Last().ParentCaseId!.Value);
                var caseIds = links.Keys.ToList();
                foreach (var @case in await context.Cases.Where(c => caseIds.Contains(c.Id) && c.ParentCaseId == null).ToListAsync(cancellationToken))
                {
                    @case.LinkParent(links[@case.Id]);
                }

                return true;
            },
            cancellationToken);

    [LoggerMessage(2, LogLevel.Error, "Outbox delivery failed: {Message}; it stays queued.")]
    private static partial void LogFailed(ILogger logger, string message);

    [LoggerMessage(1, LogLevel.Warning, "Delivery to the parent failed (attempt {Attempt}): {Message}; retrying.")]
    private static partial void LogRetry(ILogger logger, int attempt, string message);
}
