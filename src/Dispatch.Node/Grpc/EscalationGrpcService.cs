using Microsoft.AspNetCore.Authorization;
using Dispatch.Contracts.V1;
using Dispatch.Node.Escalation;
using Dispatch.Node.Security;
using Grpc.Core;

namespace Dispatch.Node.Grpc;

/// <summary>The parent's side of the node protocol; callers are registered children only.</summary>
[Authorize(Policy = AuthSchemes.ChildNode)]
internal sealed class EscalationGrpcService(EscalationReceiver receiver, EscalationFeed feed, Deadlines.SupervisionCommands supervision) : EscalationService.EscalationServiceBase
{
    public override async Task<EscalateResponse> Escalate(EscalateRequest request, ServerCallContext context)
    {
        var (received, created) = await receiver.ReceiveAsync(context.Child().Id, request, context.CancellationToken);
        return new EscalateResponse { CaseId = received.Id.ToString(), Created = created };
    }

    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<SubscribeResponse> responseStream, ServerCallContext context)
    {
        if (request.FromSequence < 0)
        {
            throw new Application.Errors.InvalidRequestException("from_sequence", "must not be negative.");
        }

        await foreach (var update in feed.WatchAsync(context.Child().Id, request.FromSequence, context.CancellationToken))
        {
            await responseStream.WriteAsync(update);
        }
    }

    public override async Task<ReportVerificationResponse> ReportVerification(ReportVerificationRequest request, ServerCallContext context) =>
        new() { Status = ContractMapper.Convert<CaseStatus>(await receiver.VerifyAsync(context.Child().Id, request, context.CancellationToken)) };

    public override async Task<SuperviseResponse> Supervise(SuperviseRequest request, ServerCallContext context) =>
        new() { Version = await supervision.ReceiveCopyAsync(context.Child().Id, request.Order.ToDomainCopy(), context.CancellationToken) };
}
