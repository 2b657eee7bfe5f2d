using Dispatch.Application.Errors;
using Dispatch.Domain.Supervision;
using Google.Protobuf.WellKnownTypes;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Node.Grpc;

/// <summary>Maps supervision orders to the contract and back (a child's copy, received at its parent).</summary>
internal static class SupervisionMapper
{
    public static V1.SupervisionOrder ToContract(this SupervisionOrder source) => new()
    {
        Id = source.Id.ToString(),
        Kind = ContractMapper.Convert<V1.SupervisionOrderKind>(source.Kind),
        CaseId = source.CaseId.ToString(),
        CaseNumber = source.CaseNumber,
        CaseTitle = source.CaseTitle,
        GridId = source.GridId,
        CategoryCode = source.CategoryCode,
        CaseNodeId = source.CaseNodeId,
        SupervisorNodeId = source.SupervisorNodeId,
        DepartmentId = source.DepartmentId?.ToString() ?? "",
        Reason = source.Reason,
        OpenedAt = Timestamp.FromDateTimeOffset(source.OpenedAt),
        DueAt = Timestamp.FromDateTimeOffset(source.DueAt),
        Status = ContractMapper.Convert<V1.SupervisionOrderStatus>(source.Status),
        UpdatedAt = Timestamp.FromDateTimeOffset(source.UpdatedAt),
        AcknowledgedBy = source.AcknowledgedBy?.ToString() ?? "",
        AcknowledgedAt = source.AcknowledgedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        Version = source.Version,
    };

    /// <summary>A copy as the owning node sent it; every field is checked, as from any caller.</summary>
    public static SupervisionOrder ToDomainCopy(this V1.SupervisionOrder? source)
    {
        if (source is null)
        {
            throw new InvalidRequestException("order", "is required.");
        }

        var kind = RequestEnums.Required<SupervisionOrderKind>(source.Kind, "order.kind");
        var status = RequestEnums.Required<SupervisionOrderStatus>(source.Status, "order.status");

        if (source.Version < 1)
        {
            throw new InvalidRequestException("order.version", "must be 1 or more.");
        }

        Text(source.CaseNumber, "order.case_number", Domain.Cases.CaseLimits.NumberMaxLength);
        Text(source.CaseTitle, "order.case_title", Domain.Cases.CaseLimits.TitleMaxLength);
        Text(source.CategoryCode, "order.category_code", 16);
        Text(source.CaseNodeId, "order.case_node_id", Domain.Cases.CaseOrigin.NodeIdMaxLength);
        Text(source.SupervisorNodeId, "order.supervisor_node_id", Domain.Cases.CaseOrigin.NodeIdMaxLength);
        Text(source.Reason, "order.reason", SupervisionOrder.ReasonMaxLength);
        return SupervisionOrder.Copy(
            ContractMapper.ParseId(source.Id, "order.id"),
            kind,
            ContractMapper.ParseId(source.CaseId, "order.case_id"),
            source.CaseNumber,
            source.CaseTitle,
            ContractMapper.ParseGrid(source.GridId, "order.grid_id").Value,
            source.CategoryCode,
            source.CaseNodeId,
            source.SupervisorNodeId,
            source.DepartmentId.Length == 0 ? null : ContractMapper.ParseId(source.DepartmentId, "order.department_id"),
            source.Reason,
            RequestTimes.Required(source.OpenedAt, "order.opened_at"),
            RequestTimes.Required(source.DueAt, "order.due_at"),
            status,
            RequestTimes.Required(source.UpdatedAt, "order.updated_at"),
            source.AcknowledgedBy.Length == 0 ? null : ContractMapper.ParseId(source.AcknowledgedBy, "order.acknowledged_by"),
            RequestTimes.Optional(source.AcknowledgedAt, "order.acknowledged_at"),
            source.Version);
    }

    private static void Text(string value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidRequestException(field, "is required.");
        }

        if (value.Length > maxLength)
        {
            throw new InvalidRequestException(field, $"is longer than {maxLength} characters.");
        }
    }
}
