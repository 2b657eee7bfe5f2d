using Dispatch.Cluster.Tests.Infrastructure;
using static Dispatch.Cluster.Tests.Infrastructure.CaseProbes;

namespace Dispatch.Cluster.Tests;

/// <summary>
/// The village's outbox relay against a town that is down and a village that is SIGKILLed: every
/// escalation committed at the village reaches the town exactly once (one case per origin there) and
/// the village's case is linked to it.
/// </summary>
public sealed class OutboxDeliveryTests
{
    private const string Town = "town";
    private const string Village = "village-a";

    [Fact]
    public async Task Escalate_ChildKilledBetweenCommitAndSend_ArrivesOnceAfterRestart()
    {
        await using var cluster = await ProcessCluster.StartAsync(Town, Village);
        var worker = await cluster[Village].CasesAsAsync("worker1");
        var villageDispatcher = await cluster[Village].CasesAsAsync("dispatcher");
        var townDispatcher = await cluster[Town].CasesAsAsync("dispatcher");

        // With the town down the escalation is committed to the village's outbox and cannot be sent;
        // then the village dies without any chance to clean up.
        await cluster[Town].KillAsync();
        var escalated = await ReportAndEscalateAsync(worker, villageDispatcher, "killed-child");
        await cluster[Village].KillAsync();

        await cluster[Town].StartAsync();
        await cluster[Village].StartAsync();
        var linked = await cluster.EventuallyAsync(() => LinkedAsync(villageDispatcher, escalated.Id), "the restarted village to deliver its escalation");

        var atTown = Assert.Single(await AllAsync(townDispatcher));
        Assert.Equal(escalated.Id, atTown.OriginCaseId);
        Assert.Equal(Village, atTown.OriginNodeId);
        Assert.Equal(atTown.Id, linked.ParentCaseId);
    }

    [Fact]
    public async Task Escalate_ParentDownAndRestartedWhileChildEscalates_EachCaseArrivesOnce()
    {
        await using var cluster = await ProcessCluster.StartAsync(Town, Village);
        var worker = await cluster[Village].CasesAsAsync("worker1");
        var villageDispatcher = await cluster[Village].CasesAsAsync("dispatcher");
        var townDispatcher = await cluster[Town].CasesAsAsync("dispatcher");

        await cluster[Town].KillAsync();
        var escalated = new List<Contracts.V1.Case>();
        for (var i = 0; i < 3; i++)
        {
            escalated.Add(await ReportAndEscalateAsync(worker, villageDispatcher, $"town-down-{i}"));
        }

        // The town comes back, and dies again while the relay is delivering the backlog and two more.
        await cluster[Town].StartAsync();
        for (var i = 3; i < 5; i++)
        {
            escalated.Add(await ReportAndEscalateAsync(worker, villageDispatcher, $"town-flapping-{i}"));
        }

        await cluster[Town].KillAsync();
        await cluster[Town].StartAsync();

        var linked = new List<Contracts.V1.Case>();
        foreach (var sent in escalated)
        {
            linked.Add(await cluster.EventuallyAsync(() => LinkedAsync(villageDispatcher, sent.Id), $"escalation {sent.Number} to be delivered"));
        }

        var atTown = await AllAsync(townDispatcher);
        Assert.Equal(escalated.Count, atTown.Count);
        foreach (var child in linked)
        {
            var parent = Assert.Single(atTown, c => c.OriginCaseId == child.Id);
            Assert.Equal(parent.Id, child.ParentCaseId);
        }
    }
}
