using Dispatch.Cluster.Tests.Infrastructure;
using Dispatch.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using static Dispatch.Cluster.Tests.Infrastructure.CaseProbes;

namespace Dispatch.Cluster.Tests;

/// <summary>
/// The village's subscription to the town's progress on its escalated case, cut by SIGKILLing either
/// side mid-way: the village's case ends up mirroring each of the town's events once, in order.
/// </summary>
public sealed class ParentSubscriptionTests
{
    private const string Town = "town";
    private const string Village = "village-a";

    [Fact]
    public async Task Subscribe_CutByKillingEitherSide_EachParentUpdateMirroredOnceInOrder()
    {
        await using var cluster = await ProcessCluster.StartAsync(Town, Village);
        var worker = await cluster[Village].CasesAsAsync("worker1");
        var villageDispatcher = await cluster[Village].CasesAsAsync("dispatcher");
        var townDispatcher = await cluster[Town].CasesAsAsync("dispatcher");
        var townHandler = await cluster[Town].CasesAsAsync("sanitation");

        var escalated = await ReportAndEscalateAsync(worker, villageDispatcher, "cut-subscription");
        var linked = await cluster.EventuallyAsync(() => LinkedAsync(villageDispatcher, escalated.Id), "the escalation to reach the town");
        var atTown = (await townDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = linked.ParentCaseId })).Case;

        // The village dies right after a change at the town, possibly while applying it, and misses two more.
        atTown = (await townDispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = atTown.Id, ExpectedVersion = atTown.Version })).Case;
        await cluster[Village].KillAsync();
        atTown = (await townDispatcher.AssignCaseAsync(AssignToSanitation(atTown))).Case;
        atTown = (await townHandler.StartCaseAsync(new StartCaseRequest { CaseId = atTown.Id, ExpectedVersion = atTown.Version })).Case;
        await cluster[Village].StartAsync();

        // Then the town dies right after a change, under the village's open subscription.
        atTown = (await townDispatcher.DeferCaseAsync(new DeferCaseRequest
        {
            CaseId = atTown.Id,
            ExpectedVersion = atTown.Version,
            Until = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(2)),
            Reason = "Waiting for the replacement culvert.",
        })).Case;
        await cluster[Town].KillAsync();
        await cluster[Town].StartAsync();
        atTown = (await townDispatcher.ResumeCaseAsync(new ResumeCaseRequest { CaseId = atTown.Id, ExpectedVersion = atTown.Version, Note = "Culvert delivered." })).Case;
        atTown = (await townHandler.ResolveCaseAsync(new ResolveCaseRequest { CaseId = atTown.Id, ExpectedVersion = atTown.Version, Note = "Culvert replaced." })).Case;

        var atVillage = await cluster.EventuallyAsync(() => StatusIsAsync(villageDispatcher, escalated.Id, CaseStatus.Resolved), "the resolution to reach the village");
        var townHistory = (await townDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = atTown.Id })).Case.History;
        var villageHistory = (await villageDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = atVillage.Id })).Case.History;

        Assert.Equal(["CaseReported", "CaseAccepted", "CaseAssigned", "CaseStarted", "CaseDeferred", "CaseResumed", "CaseResolved"], townHistory.Select(e => e.Type));
        AssertMirroredOnceInOrder(townHistory, villageHistory);
    }
}
