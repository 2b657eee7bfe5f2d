using Dispatch.Domain.Supervision;

namespace Dispatch.Application.Supervision;

/// <summary>What a list of supervision orders asks for.</summary>
internal sealed record SupervisionFilter(
    IReadOnlyList<SupervisionOrderStatus> Statuses,
    SupervisionOrderKind? Kind,
    Guid? CaseId,
    Guid? DepartmentId,
    int PageSize,
    string? PageToken);
