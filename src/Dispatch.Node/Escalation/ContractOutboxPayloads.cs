using Dispatch.Application.Escalation;
using Dispatch.Contracts.V1;
using Dispatch.Node.Grpc;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Dispatch.Node.Escalation;

/// <summary>Outbox payloads as the parent's escalation service reads them: the node protocol's request messages.</summary>
internal sealed class ContractOutboxPayloads : IOutboxPayloads
{
    public byte[] Escalation(Domain.Cases.Case @case, string reason)
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
        return request.ToByteArray();
    }

    public string EscalationReason(byte[] payload) => EscalateRequest.Parser.ParseFrom(payload).Reason;

    public byte[] Verdict(Guid caseId, bool passed, string note, int attempt) =>
        new ReportVerificationRequest { OriginCaseId = caseId.ToString(), Passed = passed, Note = note, Attempt = attempt }.ToByteArray();

    public byte[] Supervision(Domain.Supervision.SupervisionOrder order) =>
        new SuperviseRequest { Order = order.ToContract() }.ToByteArray();
}
