using Dispatch.Application.Cases;
using Dispatch.Application.Errors;
using Dispatch.Domain.Common;
using Google.Protobuf.WellKnownTypes;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Node.Grpc;

/// <summary>Maps between the public contract and the domain. Enums map by name (the protos drop their prefixes).</summary>
internal static class ContractMapper
{
    public static V1.Case ToContract(this Domain.Cases.Case source, bool withHistory = false)
    {
        var target = new V1.Case
        {
            Id = source.Id.ToString(),
            Number = source.Number,
            Title = source.Title,
            Description = source.Description ?? "",
            CategoryCode = source.CategoryCode,
            GridId = source.GridId.Value,
            Location = new V1.Location { Latitude = source.Location.Latitude, Longitude = source.Location.Longitude, Address = source.Location.Address },
            Whistle = Convert<V1.WhistleClass>(source.Whistle),
            HandlingMode = Convert<V1.HandlingMode>(source.HandlingMode),
            Status = Convert<V1.CaseStatus>(source.Status),
            ReporterId = source.ReporterId.ToString(),
            Assignee = source.Assignee?.ToContract(),
            SuggestedDepartmentId = source.SuggestedDepartmentId?.ToString() ?? "",
            ReportedAt = Timestamp.FromDateTimeOffset(source.ReportedAt),
            DueAt = source.DueAt is { } due ? Timestamp.FromDateTimeOffset(due) : null,
            Overdue = source.Overdue,
            Satisfaction = source.Satisfaction ?? 0,
            ReworkCount = source.ReworkCount,
            MergedIntoCaseId = source.MergedIntoCaseId?.ToString() ?? "",
            Version = source.Version,
            EscalatedToNodeId = source.EscalatedToNodeId ?? "",
            ParentCaseId = source.ParentCaseId?.ToString() ?? "",
            ParentStatus = source.ParentStatus is { } parent ? Convert<V1.CaseStatus>(parent) : V1.CaseStatus.Unspecified,
            OriginNodeId = source.Origin?.NodeId ?? "",
            OriginCaseId = source.Origin?.CaseId.ToString() ?? "",
            OriginCaseNumber = source.Origin?.CaseNumber ?? "",
            RemindAt = source.RemindAt is { } remind ? Timestamp.FromDateTimeOffset(remind) : null,
            Reminded = source.Reminded,
            SupervisionDueAt = source.SupervisionDueAt is { } supervision ? Timestamp.FromDateTimeOffset(supervision) : null,
            SupervisionBreached = source.SupervisionBreached,
        };
        target.EvidenceRefs.AddRange(source.EvidenceRefs);
        if (withHistory)
        {
            target.History.AddRange(source.History.OrderBy(e => e.Sequence).Select(ToContract));
        }

        return target;
    }

    public static V1.CaseEvent ToContract(this Domain.Cases.CaseEvent source)
    {
        var target = new V1.CaseEvent
        {
            Sequence = source.Sequence,
            Type = source.Type.ToString(),
            ActorId = source.ActorId?.ToString() ?? "",
            At = Timestamp.FromDateTimeOffset(source.At),
            FromStatus = source.FromStatus is { } from ? Convert<V1.CaseStatus>(from) : V1.CaseStatus.Unspecified,
            ToStatus = Convert<V1.CaseStatus>(source.ToStatus),
            Note = source.Note ?? "",
        };
        target.EvidenceRefs.AddRange(source.EvidenceRefs);
        return target;
    }

    public static V1.Assignee ToContract(this Domain.Cases.Assignee source) =>
        new() { Kind = Convert<V1.AssigneeKind>(source.Kind), Id = source.Id.ToString() };

    public static Domain.Cases.Assignee ToDomain(this V1.Assignee? source, string field)
    {
        if (source is null)
        {
            throw new InvalidRequestException(field, "is required.");
        }

        return Domain.Cases.Assignee.Create(RequestEnums.Required<Domain.Cases.AssigneeKind>(source.Kind, field + ".kind"), ParseId(source.Id, field + ".id"));
    }

    public static Domain.Geography.Location ToDomain(this V1.Location? source) =>
        source is null
            ? throw new InvalidRequestException("location", "is required.")
            : Domain.Geography.Location.Create(source.Latitude, source.Longitude, source.Address);

    /// <summary>What a new case is made of, as a report and a child's escalation both carry it.</summary>
    public static ReportInput ToReportInput(
        string requestId,
        string title,
        string description,
        string categoryCode,
        string gridId,
        V1.Location? location,
        V1.WhistleClass whistle,
        V1.HandlingMode handlingMode,
        IReadOnlyCollection<string> evidenceRefs) => new(
            requestId,
            title,
            description,
            categoryCode,
            ParseGrid(gridId, "grid_id"),
            location.ToDomain(),
            RequestEnums.Required<Domain.Cases.WhistleClass>(whistle, "whistle"),
            RequestEnums.Required<Domain.Cases.HandlingMode>(handlingMode, "handling_mode"),
            RequestLimits.Items(evidenceRefs, RequestLimits.EvidenceRefsMax, "evidence_refs"));

    public static Domain.Geography.GridId ParseGrid(string value, string field) =>
        Domain.Geography.GridId.TryParse(value, out var grid)
            ? grid
            : throw new InvalidRequestException(field, $"{ClientValue.Quote(value)} is not a grid id (15 digits).");

    public static Guid ParseId(string value, string field) =>
        Guid.TryParse(value, out var id) && id != Guid.Empty
            ? id
            : throw new InvalidRequestException(field, string.IsNullOrEmpty(value) ? "is required." : $"{ClientValue.Quote(value)} is not an id.");

    /// <summary>Converts a domain value to its contract twin by member name (requests go through <see cref="RequestEnums"/>).</summary>
    public static TTarget Convert<TTarget>(System.Enum value)
        where TTarget : struct, System.Enum =>
        System.Enum.TryParse<TTarget>(value.ToString(), out var converted) ? converted : default;
}
