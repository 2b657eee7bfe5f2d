using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Deadlines;

/// <summary>
/// A village case left alone: the breach opens a supervision order that reaches the town over the node
/// channel; the supervision deadline passing escalates the case to the town, and the town's copy of the
/// order follows every change.
/// </summary>
public abstract class TierSupervisionTests(StorageKind storage) : IAsyncLifetime
{
    private ClusterTestHost _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClusterTestHost.StartAsync(storage, allSettings: new Dictionary<string, string?>
    {
        ["Deadlines:Enabled"] = "true",
        ["Node:TokenLifetime"] = "60.00:00:00",
        ["Deadlines:SafetySweep"] = "00:00:00",
    });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task VillageBreach_SupervisedByTheTown_ThenEscalatedWhenSupervisionLapses()
    {
        var worker = await _cluster.Village.CasesAsAsync("worker1");
        var villageDispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        var townSupervisor = await _cluster.Town.SupervisionAsAsync("supervisor");
        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        var reported = (await worker.ReportCaseAsync(new ReportCaseRequest
        {
            RequestId = "tier-1",
            Title = "Broken street lamp",
            CategoryCode = "0101",
            GridId = DemoDirectory.AreaTownVillage + "001",
            Location = new Location { Latitude = 39.9, Longitude = 116.4, Address = "Lane 4" },
            Whistle = WhistleClass.Daily,
            HandlingMode = HandlingMode.Split,
        })).Case;
        var accepted = (await villageDispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version })).Case;

        JumpAll(TimeSpan.FromHours(24));
        var supervised = await _cluster.EventuallyAsync(async () => await ReadIfAsync(villageDispatcher, accepted.Id, c => c.SupervisionDueAt is not null), "the breach at the village");
        Assert.True(supervised.Overdue);
        var atTown = await _cluster.EventuallyAsync(async () => (await townSupervisor.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest())).Orders.SingleOrDefault(), "the order to reach the town");
        Assert.Equal("village", atTown.CaseNodeId);
        Assert.Equal("town", atTown.SupervisorNodeId);
        Assert.Equal(accepted.Id, atTown.CaseId);
        Assert.Equal(reported.Number, atTown.CaseNumber);
        Assert.Equal(SupervisionOrderStatus.Open, atTown.Status);

        // The village keeps its own record of the same order.
        var atVillage = Assert.Single((await (await _cluster.Village.SupervisionAsAsync("supervisor")).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest())).Orders);
        Assert.Equal(atTown.Id, atVillage.Id);

        JumpAll(TimeSpan.FromHours(24));
        var escalated = await _cluster.EventuallyAsync(async () => await ReadIfAsync(villageDispatcher, accepted.Id, c => c.Status == CaseStatus.Escalated), "the supervision breach to escalate the case");
        Assert.True(escalated.SupervisionBreached);
        Assert.Equal("town", escalated.EscalatedToNodeId);
        var types = (await villageDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = accepted.Id })).Case.History.Select(e => e.Type).ToList();
        // Up to the escalation: the town's first update (CaseParentUpdated) may already be mirrored after it.
        Assert.Equal(["CaseReported", "CaseAccepted", "CaseMarkedOverdue", "CaseSupervised", "CaseSupervisionBreached", "CaseEscalated"], types.Take(types.IndexOf("CaseEscalated") + 1));
        Assert.All(types.Skip(types.IndexOf("CaseEscalated") + 1), type => Assert.Equal("CaseParentUpdated", type));

        var received = await _cluster.EventuallyAsync(async () => (await townDispatcher.ListCasesAsync(new ListCasesRequest())).Cases.SingleOrDefault(c => c.OriginCaseId == accepted.Id), "the escalation to reach the town");
        Assert.NotNull(received.DueAt);
        var closedCopy = await _cluster.EventuallyAsync(async () => (await townSupervisor.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest())).Orders.SingleOrDefault(o => o.Status == SupervisionOrderStatus.Closed), "the town's copy to close");
        Assert.Equal(atTown.Id, closedCopy.Id);
        Assert.Equal(3, closedCopy.Version);
    }

    /// <summary>All three clocks together (node credentials carry their issuer's time, and a parent refuses one from the future), then the deadline sweeps.</summary>
    private void JumpAll(TimeSpan by)
    {
        var nodes = new[] { _cluster.District, _cluster.Town, _cluster.Village };
        foreach (var node in nodes)
        {
            node.Clock.Jump(by);
        }

        // Hangfire schedules on the machine's clock: after the jump, each node's sweep is started through it.
        foreach (var node in nodes)
        {
            node.SweepDeadlines();
        }
    }

    private static async Task<Case?> ReadIfAsync(CaseService.CaseServiceClient client, string id, Func<Case, bool> condition)
    {
        var read = (await client.GetCaseAsync(new GetCaseRequest { CaseId = id })).Case;
        return condition(read) ? read : null;
    }
}

public sealed class TierSupervisionSqliteTests() : TierSupervisionTests(StorageKind.Sqlite);

public sealed class TierSupervisionPostgresTests() : TierSupervisionTests(StorageKind.Postgres);
