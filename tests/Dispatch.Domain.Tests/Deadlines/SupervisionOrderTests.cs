using Dispatch.Domain.Cases;
using Dispatch.Domain.Common;
using Dispatch.Domain.Supervision;
using Dispatch.Domain.Supervision.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Deadlines;

public sealed class SupervisionOrderTests
{
    private static readonly Case Subject = new CaseBuilder().BuildIn(CaseStatus.Assigned);

    private static SupervisionOrder NewSummons() =>
        SupervisionOrder.Summon(Guid.NewGuid(), Subject, "town-1", Actors.SanitationDepartment, "Joint handling", Moments.Hours(1), Moments.Hours(1.5));

    [Fact]
    public void Summon_IsOpenWithItsDeadlineAsAlarm()
    {
        var order = NewSummons();

        Assert.Equal(SupervisionOrderStatus.Open, order.Status);
        Assert.Equal(Moments.Hours(1.5), order.NextAlarmAt);
        Assert.Equal(Subject.Number, order.CaseNumber);
        Assert.Equal("town-1", order.SupervisorNodeId);
        Assert.Equal(1, order.Version);
    }

    [Fact]
    public void ForBreach_HasNoAlarmOfItsOwn()
    {
        var order = SupervisionOrder.ForBreach(Guid.NewGuid(), Subject, "village-1", "town-1", "Deadline missed", Moments.Hours(24), Moments.Hours(48));

        Assert.Null(order.NextAlarmAt);
        Assert.Equal(SupervisionOrderKind.Breach, order.Kind);
        Assert.Equal("village-1", order.CaseNodeId);
    }

    [Fact]
    public void Acknowledge_OpenSummons_EndsItAndItsAlarm()
    {
        var order = NewSummons();

        order.Acknowledge(Actors.Worker, Moments.Hours(1.2));

        Assert.Equal(SupervisionOrderStatus.Acknowledged, order.Status);
        Assert.Equal(Actors.Worker, order.AcknowledgedBy);
        Assert.Null(order.NextAlarmAt);
        Assert.Equal(2, order.Version);
        Assert.False(order.Breach(Moments.Hours(2)));
    }

    [Fact]
    public void Acknowledge_BreachedSummons_BreaksOnlyOpenOrderCanChange()
    {
        var order = NewSummons();
        Assert.True(order.Breach(Moments.Hours(1.5)));

        var error = Assert.Throws<DomainRuleException>(() => order.Acknowledge(Actors.Worker, Moments.Hours(2)));

        Assert.Equal(nameof(OnlyOpenOrderCanChange), error.Rule);
        Assert.Equal(SupervisionOrderStatus.Breached, order.Status);
    }

    [Fact]
    public void Acknowledge_BreachOrder_BreaksOnlySummonsCanBeAcknowledged()
    {
        var order = SupervisionOrder.ForBreach(Guid.NewGuid(), Subject, "village-1", "town-1", "Deadline missed", Moments.Hours(24), Moments.Hours(48));

        var error = Assert.Throws<DomainRuleException>(() => order.Acknowledge(Actors.Worker, Moments.Hours(25)));

        Assert.Equal(nameof(OnlySummonsCanBeAcknowledged), error.Rule);
    }

    [Fact]
    public void Breach_BeforeTheDeadline_ChangesNothing()
    {
        var order = NewSummons();

        Assert.False(order.Breach(Moments.Hours(1.4)));
        Assert.Equal(1, order.Version);
    }

    [Fact]
    public void Close_BreachedOrder_ClosesOnce()
    {
        var order = NewSummons();
        order.Breach(Moments.Hours(2));

        Assert.True(order.Close(Moments.Hours(3)));
        Assert.False(order.Close(Moments.Hours(4)));
        Assert.Equal(SupervisionOrderStatus.Closed, order.Status);
        Assert.Equal(3, order.Version);
    }

    [Fact]
    public void ApplyCopy_TakesOnlyNewerVersions()
    {
        var local = NewSummons();
        var stale = Copy(local);
        local.Breach(Moments.Hours(2));
        var newer = Copy(local);

        Assert.True(stale.ApplyCopy(newer));
        Assert.False(stale.ApplyCopy(newer));
        Assert.Equal(SupervisionOrderStatus.Breached, stale.Status);
        Assert.Null(stale.NextAlarmAt);
    }

    [Fact]
    public void Summon_DeadlineNotAfterNow_IsRejected()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            SupervisionOrder.Summon(Guid.NewGuid(), Subject, "town-1", Actors.SanitationDepartment, "Joint handling", Moments.Hours(1), Moments.Hours(1)));

        Assert.Equal("dueAt", error.Field);
    }

    [Fact]
    public void Summon_EmptyReason_IsRejected()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            SupervisionOrder.Summon(Guid.NewGuid(), Subject, "town-1", Actors.SanitationDepartment, " ", Moments.Hours(1), Moments.Hours(2)));

        Assert.Equal("reason", error.Field);
    }

    private static SupervisionOrder Copy(SupervisionOrder o) => SupervisionOrder.Copy(
        o.Id, o.Kind, o.CaseId, o.CaseNumber, o.CaseTitle, o.GridId, o.CategoryCode, o.CaseNodeId, o.SupervisorNodeId, o.DepartmentId,
        o.Reason, o.OpenedAt, o.DueAt, o.Status, o.UpdatedAt, o.AcknowledgedBy, o.AcknowledgedAt, o.Version);
}
