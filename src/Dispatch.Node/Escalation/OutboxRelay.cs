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
    OutboxSettlement settlement,
    CaseFeedSignal signal,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private const int MaxParallelCases = 16;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder { TimeProvider = clock }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => ParentAnswers.Classify(e.StatusCode) != ParentAnswer.MessageRefused),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(100),
            MaxDelay = MaxBackoff,

            // A node-level refusal will not go away by itself: no point asking faster than the slowest pace.
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Outcome.Exception is RpcException e && ParentAnswers.Classify(e.StatusCode) == ParentAnswer.NodeRefused ? MaxBackoff : null),
            OnRetry = args =>
            {
                if (args.Outcome.Exception is RpcException e && ParentAnswers.Classify(e.StatusCode) == ParentAnswer.NodeRefused)
                {
                    LogNodeRefused(logger, e.StatusCode, e.Status.Detail, args.AttemptNumber + 1);
                }
                else
                {
                    LogRetry(logger, args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? "");
                }

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
                // Not an answer from the parent (a local failure): the messages stay queued and are retried
                // after the idle wait; logged, never dropped.
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
    /// de-duplicates, and nothing orders one case's messages against another's); then records every
    /// answer in one write, even when some calls failed, so one failing message does not send the others again.
    /// A message the parent refuses for good is recorded as refused and does not hold up the case's later
    /// messages: each message is a statement the parent judges on its own (an escalation keyed by the case, a
    /// verdict by its rework round, a supervision order by its version), so a later one may well be accepted, and
    /// holding it behind a refusal that waits for an operator would stall the case for nothing. A requeued message
    /// keeps its place in the order (its sequence), so requeueing a case's refused messages sends them in order.
    /// </summary>
    private async Task DeliverBatchAsync(List<(OutboxMessage Message, string? Target)> pending, CancellationToken stoppingToken)
    {
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<OutboxOutcome>();
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
                        outcomes.Add(await DeliverAsync(message, target, token));
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    Interlocked.CompareExchange(ref failure, ex, null);
                }
            });

        if (!outcomes.IsEmpty)
        {
            await settlement.SettleAsync(outcomes.ToList(), stoppingToken);
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Sends one message until the parent acknowledges or refuses it for good.</summary>
    private async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, string? target, CancellationToken cancellationToken)
    {
        var (nodeId, client) = Route(message, target);
        try
        {
            var parentCaseId = await _retry.ExecuteAsync(async t => await SendAsync(message, client, t), cancellationToken);
            return OutboxOutcome.Acknowledged(message, nodeId, parentCaseId);
        }
        catch (RpcException e) when (ParentAnswers.Classify(e.StatusCode) == ParentAnswer.MessageRefused)
        {
            LogRefused(logger, nodeId, message.Sequence, message.Kind, message.CaseId, e.StatusCode, e.Status.Detail);
            return OutboxOutcome.Refused(message, nodeId, e.Status);
        }
    }

    /// <summary>Undelivered messages, oldest first, each with the node its case was escalated to.</summary>
    private async Task<List<(OutboxMessage Message, string? Target)>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from message in context.Outbox.AsNoTracking()
            where message.DeliveredAt == null && message.RefusedAt == null
            orderby message.Sequence
            join @case in context.Cases.AsNoTracking() on message.CaseId equals @case.Id into cases
            from @case in cases.DefaultIfEmpty()
            select new { Message = message, Target = @case == null ? null : @case.EscalatedToNodeId })
            .Take(100)
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Message, (string?)r.Target)).ToList();
    }

    /// <summary>
    /// The node a message goes to: the node its case was escalated to (a case handed back since then still owes
    /// that node the message); supervision goes to the parent (the supervising tier) whichever node the case went to.
    /// </summary>
    private (string NodeId, EscalationService.EscalationServiceClient Client) Route(OutboxMessage message, string? target)
    {
        var main = parent.Upstreams.FirstOrDefault(u => !u.Emergency) ?? parent.Upstreams[0];
        var nodeId = message.Kind != OutboxKind.Supervision && target is not null && parent.Upstreams.Any(u => u.Id == target) ? target : main.Id;
        return (nodeId, parent.For(nodeId));
    }

    /// <summary>One call to the parent; returns the parent's case id for an escalation.</summary>
    private async Task<Guid?> SendAsync(OutboxMessage message, EscalationService.EscalationServiceClient client, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.Value.ParentCallTimeout;
        switch (message.Kind)
        {
            case OutboxKind.Escalate:
                var escalated = await client.EscalateAsync(EscalateRequest.Parser.ParseFrom(message.Payload), deadline: deadline, cancellationToken: cancellationToken);
                return Guid.Parse(escalated.CaseId);
            case OutboxKind.Supervision:
                await client.SuperviseAsync(SuperviseRequest.Parser.ParseFrom(message.Payload), deadline: deadline, cancellationToken: cancellationToken);
                return null;
            case OutboxKind.Verification:
                await client.ReportVerificationAsync(ReportVerificationRequest.Parser.ParseFrom(message.Payload), deadline: deadline, cancellationToken: cancellationToken);
                return null;
            default:
                throw new InvalidOperationException($"Unknown outbox message kind {message.Kind}.");
        }
    }

    [LoggerMessage(2, LogLevel.Error, "Outbox delivery failed: {Message}; it stays queued.")]
    private static partial void LogFailed(ILogger logger, string message);

    [LoggerMessage(1, LogLevel.Warning, "Delivery to the parent failed (attempt {Attempt}): {Message}; retrying.")]
    private static partial void LogRetry(ILogger logger, int attempt, string message);

    [LoggerMessage(3, LogLevel.Error, "The parent refuses this node ({Code}: {Detail}): check this node's Node:ParentKey / emergency parent key and its registration at the parent (Node:Children). Messages stay queued; retrying at the slowest pace (attempt {Attempt}).")]
    private static partial void LogNodeRefused(ILogger logger, StatusCode code, string detail, int attempt);

    [LoggerMessage(4, LogLevel.Error, "{Parent} refused outbox message {Sequence} ({Kind}, case {CaseId}) for good ({Code}: {Detail}); it is kept as refused and not sent again until an operator requeues it.")]
    private static partial void LogRefused(ILogger logger, string parent, long sequence, OutboxKind kind, Guid caseId, StatusCode code, string detail);
}
