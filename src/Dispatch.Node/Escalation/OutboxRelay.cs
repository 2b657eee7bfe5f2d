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
/// Delivers the outbox to the parent, oldest first, until each message is acknowledged. A message is
/// marked delivered only after the parent answered; the parent de-duplicates, so a crash between
/// its answer and the mark (or a timeout whose call did land) costs a harmless repeat, never a loss.
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
                foreach (var (message, target) in pending)
                {
                    await _retry.ExecuteAsync(async token => await DeliverAsync(message, target, token), stoppingToken);
                }
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

    private async Task DeliverAsync(OutboxMessage message, string? target, CancellationToken cancellationToken)
    {
        // The node the case went to; a case handed back since then still owes its parent the message.
        var client = target is not null && parent.Upstreams.Any(u => u.Id == target) ? parent.For(target) : parent.Escalations ?? parent.For(parent.Upstreams[0].Id);
        var deadline = DateTime.UtcNow + options.Value.ParentCallTimeout;
        Guid? parentCaseId = null;
        switch (message.Kind)
        {
            case OutboxKind.Escalate:
                var escalated = await client.EscalateAsync(EscalateRequest.Parser.ParseFrom(message.Payload), deadline: deadline, cancellationToken: cancellationToken);
                parentCaseId = Guid.Parse(escalated.CaseId);
                break;
            case OutboxKind.Verification:
                await client.ReportVerificationAsync(ReportVerificationRequest.Parser.ParseFrom(message.Payload), deadline: deadline, cancellationToken: cancellationToken);
                break;
        }

        await writer.WriteAsync(
            async context =>
            {
                var stored = await context.Outbox.FirstAsync(m => m.Sequence == message.Sequence);
                stored.MarkDelivered(clock.GetUtcNow());
                if (parentCaseId is { } linked && await context.Cases.FirstOrDefaultAsync(c => c.Id == message.CaseId) is { ParentCaseId: null } @case)
                {
                    @case.LinkParent(linked);
                }

                return true;
            },
            cancellationToken);
    }

    [LoggerMessage(2, LogLevel.Error, "Outbox delivery failed: {Message}; it stays queued.")]
    private static partial void LogFailed(ILogger logger, string message);

    [LoggerMessage(1, LogLevel.Warning, "Delivery to the parent failed (attempt {Attempt}): {Message}; retrying.")]
    private static partial void LogRetry(ILogger logger, int attempt, string message);
}
