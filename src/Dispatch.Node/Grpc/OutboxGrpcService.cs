using Dispatch.Application.Escalation;
using Dispatch.Contracts.V1;
using Dispatch.Node.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Stored = Dispatch.Data.Escalation;

namespace Dispatch.Node.Grpc;

/// <summary>The outbox's refused messages over the public contract (administrators only).</summary>
[Authorize(Policy = AuthSchemes.SignedIn)]
internal sealed class OutboxGrpcService(OutboxOperations operations) : OutboxService.OutboxServiceBase
{
    public override async Task<ListRefusedMessagesResponse> ListRefusedMessages(ListRefusedMessagesRequest request, ServerCallContext context)
    {
        var (messages, next) = await operations.ListRefusedAsync(
            context.Caller(), RequestLimits.PageSize(request.PageSize), request.PageToken.Length == 0 ? null : request.PageToken, context.CancellationToken);
        var response = new ListRefusedMessagesResponse { NextPageToken = next };
        response.Messages.AddRange(messages.Select(ToContract));
        return response;
    }

    public override async Task<RequeueMessageResponse> RequeueMessage(RequeueMessageRequest request, ServerCallContext context) =>
        new() { Message = ToContract(await operations.RequeueAsync(context.Caller(), request.Sequence, context.CancellationToken)) };

    private static OutboxItem ToContract(Stored.OutboxMessage source) => new()
    {
        Sequence = source.Sequence,
        Kind = source.Kind switch
        {
            Stored.OutboxKind.Escalate => OutboxItemKind.Escalate,
            Stored.OutboxKind.Verification => OutboxItemKind.Verification,
            Stored.OutboxKind.Supervision => OutboxItemKind.Supervision,
            _ => OutboxItemKind.Unspecified,
        },
        CaseId = source.CaseId.ToString(),
        CreatedAt = Timestamp.FromDateTimeOffset(source.CreatedAt),
        Attempts = source.Attempts,
        RefusedAt = source.RefusedAt is { } refused ? Timestamp.FromDateTimeOffset(refused) : null,
        RefusedBy = source.RefusedBy ?? "",
        RefusalCode = source.RefusalCode ?? "",
        RefusalMessage = source.RefusalMessage ?? "",
        DeliveredAt = source.DeliveredAt is { } delivered ? Timestamp.FromDateTimeOffset(delivered) : null,
    };
}
