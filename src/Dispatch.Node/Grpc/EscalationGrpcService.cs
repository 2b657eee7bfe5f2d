using Dispatch.Application.Cases;
using Dispatch.Application.Errors;
using Dispatch.Application.Escalation;
using Dispatch.Application.Supervision;
using Dispatch.Contracts.V1;
using Dispatch.Node.Limits;
using Dispatch.Node.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Dispatch.Node.Grpc;

/// <summary>The parent's side of the node protocol; callers are registered children only.</summary>
[Authorize(Policy = AuthSchemes.ChildNode)]
internal sealed class EscalationGrpcService(EscalationReceiver receiver, EscalationFeed feed, SupervisionCommands supervision, StreamQuota streams) : EscalationService.EscalationServiceBase
{
    public override async Task<EscalateResponse> Escalate(EscalateRequest request, ServerCallContext context)
    {
        var originCaseId = ContractMapper.ParseId(request.OriginCaseId, "origin_case_id");
        var reporter = Guid.TryParse(request.OriginReporterId, out var r) ? r : (Guid?)null;
        var report = ContractMapper.ToReportInput(
            "", request.Title, request.Description, request.CategoryCode, request.GridId, request.Location, request.Whistle, request.HandlingMode, request.EvidenceRefs);
        var incoming = new IncomingEscalation(originCaseId, request.OriginCaseNumber, reporter, report, request.Reason);
        var (received, created) = await receiver.ReceiveAsync(context.Child().Id, incoming, context.CancellationToken);
        return new EscalateResponse { CaseId = received.Id.ToString(), Created = created };
    }

    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<SubscribeResponse> responseStream, ServerCallContext context)
    {
        if (request.FromSequence < 0)
        {
            throw new InvalidRequestException("from_sequence", "must not be negative.");
        }

        var child = context.Child().Id;
        using var place = streams.Open("node:" + child);

        // Headers at once, not with the first update: the child learns that its link is up (readiness) without waiting for one.
        await context.WriteResponseHeadersAsync([]);

        await foreach (var update in feed.WatchAsync(child, request.FromSequence, context.CancellationToken))
        {
            await responseStream.WriteAsync(new SubscribeResponse
            {
                Sequence = update.Sequence,
                OriginCaseId = update.OriginCaseId.ToString(),
                ParentCaseId = update.Event.CaseId.ToString(),
                Status = ContractMapper.Convert<CaseStatus>(update.Status),
                HandedBack = update.HandedBack,
                Event = update.Event.ToContract(),
                Assignee = update.Assignee?.ToContract(),
                DueAt = update.DueAt is { } due ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(due) : null,
            });
        }
    }

    public override async Task<ReportVerificationResponse> ReportVerification(ReportVerificationRequest request, ServerCallContext context) =>
        new() { Status = ContractMapper.Convert<CaseStatus>(await receiver.VerifyAsync(
            context.Child().Id,
            new IncomingVerdict(ContractMapper.ParseId(request.OriginCaseId, "origin_case_id"), request.Passed, request.Note, request.Attempt),
            context.CancellationToken)) };

    public override async Task<SuperviseResponse> Supervise(SuperviseRequest request, ServerCallContext context) =>
        new() { Version = await supervision.ReceiveCopyAsync(context.Child().Id, request.Order.ToDomainCopy(), context.CancellationToken) };
}
