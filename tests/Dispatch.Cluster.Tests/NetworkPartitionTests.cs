using Dispatch.Cluster.Tests.Infrastructure;
using Dispatch.Contracts.V1;
using static Dispatch.Cluster.Tests.Infrastructure.CaseProbes;
using static Dispatch.Cluster.Tests.Infrastructure.PartitionedVillage;

namespace Dispatch.Cluster.Tests;

/// <summary>
/// A village on a bad line: the village runs in a network namespace of its own and reaches the town
/// through a router that, during a cut, drops every packet silently (no reset, no refusal), so only
/// the nodes' own timers (call deadlines, HTTP/2 keepalive PINGs, connect timeout; set short here) can
/// tell a dead line from a quiet one. Whatever either side did meanwhile crosses once after the line heals.
/// </summary>
public sealed class NetworkPartitionTests
{
    private const string EscalateRequest = "/dispatch.v1.EscalationService/Escalate - ";

    /// <summary>The village notices a dead line within about 3 s and retries soon after it heals.</summary>
    private static readonly string[] VillageQuickDetection =
    [
        "--Node:ParentKeepAliveDelay=00:00:01",
        "--Node:ParentKeepAliveTimeout=00:00:02",
        "--Node:ParentConnectTimeout=00:00:02",
        "--Node:ParentCallTimeout=00:00:02",
    ];

    /// <summary>The town lets go of a silent village's connection within about 3 s.</summary>
    private static readonly string[] TownQuickDetection =
    [
        "--Node:ClientKeepAliveDelay=00:00:01",
        "--Node:ClientKeepAliveTimeout=00:00:02",
    ];

    [PartitionFact]
    public async Task Escalate_CommittedDuringPartition_EachArrivesOnceAfterHealing()
    {
        await using var nodes = await PartitionedVillage.StartAsync(VillageQuickDetection, TownQuickDetection);
        var first = await nodes.EscalateAcrossAsync("before-partition");
        await nodes.ConnectedAsync(true);

        await nodes.Line.PartitionAsync();
        var escalated = new List<Case>();
        for (var i = 0; i < 3; i++)
        {
            escalated.Add(await ReportAndEscalateAsync(nodes.Worker, nodes.VillageDispatcher, $"during-partition-{i}"));
        }

        // The relay's calls fail meanwhile; both sides give up the dead connection, and nothing crossed.
        await nodes.ConnectedAsync(false);
        Assert.Equal(first.ParentCaseId, Assert.Single(await AllAsync(nodes.TownDispatcher)).Id);

        await nodes.Line.HealAsync();
        var linked = new List<Case>();
        foreach (var sent in escalated)
        {
            linked.Add(await nodes.Cluster.EventuallyAsync(() => LinkedAsync(nodes.VillageDispatcher, sent.Id), $"escalation {sent.Number} to cross the healed line"));
        }

        var atTown = await AllAsync(nodes.TownDispatcher);
        Assert.Equal(1 + escalated.Count, atTown.Count);
        foreach (var child in linked)
        {
            Assert.Equal(Assert.Single(atTown, c => c.OriginCaseId == child.Id).Id, child.ParentCaseId);
        }
    }

    [PartitionFact]
    public async Task Subscribe_Partitioned_BothSidesNoticeAndEachParentUpdateIsMirroredOnceAfterHealing()
    {
        await using var nodes = await PartitionedVillage.StartAsync(VillageQuickDetection, TownQuickDetection);
        var townHandler = await nodes.Cluster[Town].CasesAsAsync("sanitation");
        var linked = await nodes.EscalateAcrossAsync("partitioned-subscription");
        var atTown = (await nodes.TownDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = linked.ParentCaseId })).Case;
        atTown = (await nodes.TownDispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = atTown.Id, ExpectedVersion = atTown.Version })).Case;
        await nodes.Cluster.EventuallyAsync(() => ParentStatusIsAsync(nodes.VillageDispatcher, linked.Id, CaseStatus.Accepted), "the subscription to carry the acceptance");
        await nodes.ConnectedAsync(true);

        // The subscription's stream is open and quiet when the line goes dead under it.
        await nodes.Line.PartitionAsync();
        atTown = (await nodes.TownDispatcher.AssignCaseAsync(AssignToSanitation(atTown))).Case;
        await nodes.ConnectedAsync(false);
        atTown = (await townHandler.StartCaseAsync(new StartCaseRequest { CaseId = atTown.Id, ExpectedVersion = atTown.Version })).Case;
        atTown = (await townHandler.ResolveCaseAsync(new ResolveCaseRequest { CaseId = atTown.Id, ExpectedVersion = atTown.Version, Note = "Culvert replaced." })).Case;
        Assert.NotNull(await ParentStatusIsAsync(nodes.VillageDispatcher, linked.Id, CaseStatus.Accepted));

        await nodes.Line.HealAsync();
        var atVillage = await nodes.Cluster.EventuallyAsync(() => StatusIsAsync(nodes.VillageDispatcher, linked.Id, CaseStatus.Resolved), "the resolution to cross the healed line");
        var townHistory = (await nodes.TownDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = atTown.Id })).Case.History;
        Assert.Equal(["CaseReported", "CaseAccepted", "CaseAssigned", "CaseStarted", "CaseResolved"], townHistory.Select(e => e.Type));
        AssertMirroredOnceInOrder(townHistory, (await nodes.VillageDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = atVillage.Id })).Case.History);
    }

    [PartitionFact]
    public async Task Escalate_ReplyLostToPartition_RetryDeduplicatedToOneCase()
    {
        await using var nodes = await PartitionedVillage.StartAsync(
            VillageQuickDetection, [.. TownQuickDetection, "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information"]);
        var first = await nodes.EscalateAcrossAsync("before-partition");
        await nodes.ConnectedAsync(true);
        var requestsBefore = nodes.Cluster[Town].LogLinesWith("Request starting", EscalateRequest);

        // Requests still reach the town; its replies are lost on the way back.
        await nodes.Line.CutParentToChildAsync();
        var escalated = await ReportAndEscalateAsync(nodes.Worker, nodes.VillageDispatcher, "reply-lost");
        var atTown = await nodes.Cluster.EventuallyAsync(async () => (await ByOriginAsync(nodes.TownDispatcher, escalated.Id)).SingleOrDefault(), "the escalation request to reach the town");
        Assert.Null(await LinkedAsync(nodes.VillageDispatcher, escalated.Id));

        // Once the village has dropped the connection the reply was due on, only a new call can link the case.
        await nodes.ConnectedAsync(false);
        await nodes.Line.HealAsync();
        var linked = await nodes.Cluster.EventuallyAsync(() => LinkedAsync(nodes.VillageDispatcher, escalated.Id), "a retried escalation to be answered");

        Assert.Equal(atTown.Id, Assert.Single(await ByOriginAsync(nodes.TownDispatcher, escalated.Id)).Id);
        Assert.Equal(atTown.Id, linked.ParentCaseId);
        Assert.Equal(new[] { first.ParentCaseId, atTown.Id }.Order(), (await AllAsync(nodes.TownDispatcher)).Select(c => c.Id).Order());
        var requests = nodes.Cluster[Town].LogLinesWith("Request starting", EscalateRequest) - requestsBefore;
        Assert.True(requests >= 2, $"The town received the escalation {requests} time(s); the lost reply should have made the village send it again.");
    }
}
