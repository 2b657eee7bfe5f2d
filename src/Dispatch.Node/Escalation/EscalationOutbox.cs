using Dispatch.Contracts.V1;
using Dispatch.Data;
using Dispatch.Data.Escalation;
using Dispatch.Node.Grpc;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Domain = Dispatch.Domain;

namespace Dispatch.Node.Escalation;

/// <summary>What goes into the outbox, staged in the transaction of the change that causes it.</summary>
internal static class EscalationOutbox
{
    public static void Escalate(DispatchDbContext context, Domain.Cases.Case @case, string reason, DateTimeOffset now)
    {
        var request = new EscalateRequest
        {
            OriginCaseId = @case.Id.ToString(),
            OriginCaseNumber = @case.Number,
            OriginReporterId = @case.ReporterId.ToString(),
            Title = @case.Title,
            Description = @case.Description ?? "",
            CategoryCode = @case.CategoryCode,
            GridId = @case.GridId.Value,
            Location = new Location { Latitude = @case.Location.Latitude, Longitude = @case.Location.Longitude, Address = @case.Location.Address },
            Whistle = ContractMapper.Convert<WhistleClass>(@case.Whistle),
            HandlingMode = ContractMapper.Convert<HandlingMode>(@case.HandlingMode),
            Reason = reason,
            ReportedAt = Timestamp.FromDateTimeOffset(@case.ReportedAt),
        };
        request.EvidenceRefs.AddRange(@case.EvidenceRefs);
        context.Outbox.Add(new OutboxMessage(OutboxKind.Escalate, @case.Id, request.ToByteArray(), now));
    }

    /// <summary>A supervision order's current state, for the supervising parent.</summary>
    public static void Supervise(DispatchDbContext context, Domain.Supervision.SupervisionOrder order, DateTimeOffset now) =>
        context.Outbox.Add(new OutboxMessage(OutboxKind.Supervision, order.CaseId, new SuperviseRequest { Order = order.ToContract() }.ToByteArray(), now));

    /// <summary>After any change: the reporting grid's verdict on a case the parent resolved goes up.</summary>
    public static void AfterChange(DispatchDbContext context, Domain.Cases.Case @case, int versionBefore, int reworkBefore, DateTimeOffset now)
    {
        if (@case.EscalatedToNodeId is null)
        {
            return;
        }

        foreach (var caseEvent in @case.History.Where(e => e.Sequence > versionBefore))
        {
            var passed = caseEvent.Type == Domain.Cases.CaseEventType.CaseVerified;
            var failed = caseEvent.Type == Domain.Cases.CaseEventType.CaseReturned && caseEvent.ToStatus == Domain.Cases.CaseStatus.Escalated;
            if (passed || failed)
            {
                var verdict = new ReportVerificationRequest { OriginCaseId = @case.Id.ToString(), Passed = passed, Note = caseEvent.Note ?? "", Attempt = reworkBefore };
                context.Outbox.Add(new OutboxMessage(OutboxKind.Verification, @case.Id, verdict.ToByteArray(), now));
            }
        }
    }
}
