using System.Diagnostics;
using Dispatch.Application.Telemetry;
using Dispatch.Contracts.V1;
using Dispatch.Data.Escalation;
using Grpc.Core;
using Polly;
using Polly.Retry;

namespace Dispatch.Node.Escalation;

/// <summary>
/// Delivers one outbox message to the node it is for, until that node acknowledges it or refuses it for good
/// (<see cref="ParentAnswers"/>): transient failures are retried with backoff, a parent that refuses this node
/// itself at the slowest pace. Each call carries a deadline (Node:ParentCallTimeout).
/// </summary>
internal sealed partial class OutboxDelivery(
    ParentClient parent,
    Microsoft.Extensions.Options.IOptions<Hosting.NodeOptions> options,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger)
{
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

    /// <summary>Sends one message until the parent acknowledges or refuses it for good.</summary>
    public async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, string? target, CancellationToken cancellationToken)
    {
        var (nodeId, client) = Route(message, target);

        // A span in the trace of the change that wrote the message (stored with it), so the parent's handling of
        // the call continues that trace however much later the message goes out.
        using var span = NodeTracing.StartFrom(message.TraceParent, "dispatch.outbox.deliver", ActivityKind.Client);
        span?.SetTag("dispatch.outbox.kind", message.Kind.ToString());
        span?.SetTag("dispatch.outbox.sequence", message.Sequence);
        span?.SetTag("dispatch.parent", nodeId);
        try
        {
            var parentCaseId = await _retry.ExecuteAsync(async t => await SendAsync(message, client, t), cancellationToken);
            return OutboxOutcome.Acknowledged(message, nodeId, parentCaseId);
        }
        catch (RpcException e) when (ParentAnswers.Classify(e.StatusCode) == ParentAnswer.MessageRefused)
        {
            LogRefused(logger, nodeId, message.Sequence, message.Kind, message.CaseId, e.StatusCode, e.Status.Detail);
            span?.SetStatus(ActivityStatusCode.Error, e.StatusCode.ToString());
            return OutboxOutcome.Refused(message, nodeId, e.Status);
        }
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

    [LoggerMessage(1, LogLevel.Warning, "Delivery to the parent failed (attempt {Attempt}): {Message}; retrying.")]
    private static partial void LogRetry(ILogger logger, int attempt, string message);

    [LoggerMessage(3, LogLevel.Error, "The parent refuses this node ({Code}: {Detail}): check this node's Node:ParentKey / emergency parent key and its registration at the parent (Node:Children). Messages stay queued; retrying at the slowest pace (attempt {Attempt}).")]
    private static partial void LogNodeRefused(ILogger logger, StatusCode code, string detail, int attempt);

    [LoggerMessage(4, LogLevel.Error, "{Parent} refused outbox message {Sequence} ({Kind}, case {CaseId}) for good ({Code}: {Detail}); it is kept as refused and not sent again until an operator requeues it.")]
    private static partial void LogRefused(ILogger logger, string parent, long sequence, OutboxKind kind, Guid caseId, StatusCode code, string detail);
}
