using Dispatch.Domain.Cases;
using Dispatch.Domain.Common;
using Dispatch.Domain.Supervision.Rules;

namespace Dispatch.Domain.Supervision;

/// <summary>
/// A supervising act on one case, with its own deadline: after a breach, an order at the supervising tier
/// (the parent node; a district supervises itself), kept on both tiers; or a summons of one department,
/// which must acknowledge in time. The node where the case lives owns the order and decides its state;
/// the supervising tier keeps a copy, replaced by any newer <see cref="Version"/>.
/// </summary>
public sealed class SupervisionOrder
{
    public const int ReasonMaxLength = 1_000;

#pragma warning disable CS8618 // EF Core materialises orders through this constructor and sets every property.
    private SupervisionOrder()
    {
    }
#pragma warning restore CS8618

    private SupervisionOrder(Guid id, SupervisionOrderKind kind, Case @case, string caseNodeId, string supervisorNodeId, Guid? departmentId, string reason, DateTimeOffset now, DateTimeOffset dueAt)
    {
        Id = id;
        Kind = kind;
        CaseId = @case.Id;
        CaseNumber = @case.Number;
        CaseTitle = @case.Title;
        GridId = @case.GridId.Value;
        CategoryCode = @case.CategoryCode;
        CaseNodeId = caseNodeId;
        SupervisorNodeId = supervisorNodeId;
        DepartmentId = departmentId;
        Reason = reason;
        OpenedAt = now;
        DueAt = dueAt;
        Status = SupervisionOrderStatus.Open;
        UpdatedAt = now;
        Version = 1;
        NextAlarmAt = kind == SupervisionOrderKind.Summons ? dueAt : null;
    }

    public Guid Id { get; private set; }

    public SupervisionOrderKind Kind { get; private set; }

    /// <summary>The case's id at the node where it lives (<see cref="CaseNodeId"/>).</summary>
    public Guid CaseId { get; private set; }

    public string CaseNumber { get; private set; }

    public string CaseTitle { get; private set; }

    public string GridId { get; private set; }

    public string CategoryCode { get; private set; }

    /// <summary>The node where the case lives and that owns this order.</summary>
    public string CaseNodeId { get; private set; }

    /// <summary>The node supervising: the parent of <see cref="CaseNodeId"/>, or itself for a district.</summary>
    public string SupervisorNodeId { get; private set; }

    /// <summary>The summoned department (summons only).</summary>
    public Guid? DepartmentId { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public SupervisionOrderStatus Status { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Who acknowledged a summons, and when.</summary>
    public Guid? AcknowledgedBy { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>Incremented by every change; a copy at the supervising tier takes only newer versions.</summary>
    public int Version { get; private set; }

    /// <summary>When the owning node must act on the order (an open summons' deadline); null otherwise.</summary>
    public DateTimeOffset? NextAlarmAt { get; private set; }

    public bool IsOpen => Status == SupervisionOrderStatus.Open;

    /// <summary>Opens an order after a breach of <paramref name="case"/>'s deadline.</summary>
    public static SupervisionOrder ForBreach(Guid id, Case @case, string caseNodeId, string supervisorNodeId, string reason, DateTimeOffset now, DateTimeOffset dueAt)
    {
        Validate(reason, now, dueAt);
        return new SupervisionOrder(id, SupervisionOrderKind.Breach, @case, caseNodeId, supervisorNodeId, departmentId: null, reason, now, dueAt);
    }

    /// <summary>Summons <paramref name="departmentId"/> to <paramref name="case"/>; it must acknowledge by <paramref name="dueAt"/>.</summary>
    public static SupervisionOrder Summon(Guid id, Case @case, string nodeId, Guid departmentId, string reason, DateTimeOffset now, DateTimeOffset dueAt)
    {
        Validate(reason, now, dueAt);
        return new SupervisionOrder(id, SupervisionOrderKind.Summons, @case, nodeId, nodeId, departmentId, reason, now, dueAt);
    }

    /// <summary>The summoned department acknowledges; only an open summons can be.</summary>
    public void Acknowledge(Guid actorId, DateTimeOffset now)
    {
        Check.Rule(new OnlySummonsCanBeAcknowledged(Kind));
        Check.Rule(new OnlyOpenOrderCanChange(Status));
        AcknowledgedBy = actorId;
        AcknowledgedAt = now;
        Change(SupervisionOrderStatus.Acknowledged, now);
    }

    /// <summary>The deadline passed with the order still open. Idempotent: false when nothing changed.</summary>
    public bool Breach(DateTimeOffset now)
    {
        if (Status != SupervisionOrderStatus.Open || now < DueAt)
        {
            return false;
        }

        Change(SupervisionOrderStatus.Breached, now);
        return true;
    }

    /// <summary>The case closed or left the node. Idempotent: false when the order had already ended.</summary>
    public bool Close(DateTimeOffset now)
    {
        if (Status is SupervisionOrderStatus.Closed or SupervisionOrderStatus.Acknowledged)
        {
            return false;
        }

        Change(SupervisionOrderStatus.Closed, now);
        return true;
    }

    /// <summary>
    /// Another instance with the same values (every one of them is a value): what a store tracks and may change, so
    /// that the instance it was made from stays as it came (a writer that runs a change again starts from it).
    /// </summary>
    public SupervisionOrder Duplicate() => (SupervisionOrder)MemberwiseClone();

    /// <summary>Takes the state of a newer copy from the owning node; false (nothing changed) for an older or equal one.</summary>
    public bool ApplyCopy(SupervisionOrder newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        if (newer.Id != Id || newer.Version <= Version)
        {
            return false;
        }

        Status = newer.Status;
        DueAt = newer.DueAt;
        UpdatedAt = newer.UpdatedAt;
        AcknowledgedBy = newer.AcknowledgedBy;
        AcknowledgedAt = newer.AcknowledgedAt;
        Version = newer.Version;
        NextAlarmAt = null;
        return true;
    }

    /// <summary>A copy received from the owning node, as it stood there (the supervising tier never fires its alarms).</summary>
    public static SupervisionOrder Copy(
        Guid id, SupervisionOrderKind kind, Guid caseId, string caseNumber, string caseTitle, string gridId, string categoryCode,
        string caseNodeId, string supervisorNodeId, Guid? departmentId, string reason, DateTimeOffset openedAt, DateTimeOffset dueAt,
        SupervisionOrderStatus status, DateTimeOffset updatedAt, Guid? acknowledgedBy, DateTimeOffset? acknowledgedAt, int version) =>
        new()
        {
            Id = id,
            Kind = kind,
            CaseId = caseId,
            CaseNumber = caseNumber,
            CaseTitle = caseTitle,
            GridId = gridId,
            CategoryCode = categoryCode,
            CaseNodeId = caseNodeId,
            SupervisorNodeId = supervisorNodeId,
            DepartmentId = departmentId,
            Reason = reason,
            OpenedAt = openedAt,
            DueAt = dueAt,
            Status = status,
            UpdatedAt = updatedAt,
            AcknowledgedBy = acknowledgedBy,
            AcknowledgedAt = acknowledgedAt,
            Version = version,
        };

    private static void Validate(string reason, DateTimeOffset now, DateTimeOffset dueAt)
    {
        Check.RequiredText("reason", reason, ReasonMaxLength);
        Check.Input(new OrderMustEndAfterItOpens(dueAt, now));
    }

    private void Change(SupervisionOrderStatus status, DateTimeOffset now)
    {
        Status = status;
        UpdatedAt = now;
        Version++;
        NextAlarmAt = null;
    }
}
