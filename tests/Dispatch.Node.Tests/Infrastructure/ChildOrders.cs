using Dispatch.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>Supervision orders as a child node's relay sends copies of them up to the test node.</summary>
internal static class ChildOrders
{
    /// <summary>A breach order of the child "village" on the test node's grid <paramref name="gridId"/>, opened now and due in 24 hours.</summary>
    public static SupervisionOrder Breach(DateTimeOffset now, string gridId, int version, SupervisionOrderStatus status = SupervisionOrderStatus.Open, string? id = null) => new()
    {
        Id = id ?? Guid.NewGuid().ToString(),
        Kind = SupervisionOrderKind.Breach,
        CaseId = Guid.NewGuid().ToString(),
        CaseNumber = "C-20261124-000000000001",
        CaseTitle = "Overflowing bins",
        GridId = gridId,
        CategoryCode = "0201",
        CaseNodeId = "village",
        SupervisorNodeId = "test-node",
        Reason = "The deadline was missed.",
        OpenedAt = Timestamp.FromDateTimeOffset(now),
        DueAt = Timestamp.FromDateTimeOffset(now.AddHours(24)),
        Status = status,
        UpdatedAt = Timestamp.FromDateTimeOffset(now),
        Version = version,
    };
}
