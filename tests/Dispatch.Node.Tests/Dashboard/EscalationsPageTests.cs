using Bunit;
using Dispatch.Contracts.V1;
using Dispatch.Node.Dashboard.Pages;
using Dispatch.Node.Tests.Infrastructure;
using static Dispatch.Node.Tests.Infrastructure.EscalationCases;

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>The escalations page on a real village and its town: a case escalated over gRPC, seen at both ends, live.</summary>
public sealed class EscalationsPageTests : IAsyncLifetime
{
    private ClusterTestHost _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClusterTestHost.StartAsync(StorageKind.Sqlite);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task EscalatedCase_InAtTheParentWithItsOrigin_OutAtTheChildWithTheParentsStateAfterItActs()
    {
        var villageWorker = await _cluster.Village.CasesAsAsync("worker1");
        var villageDispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        var reported = (await villageWorker.ReportCaseAsync(Report("board-esc-1"))).Case;

        // The village's page is open before the escalation: it follows the feed from there.
        await using var village = await BoardContext.SignedInAsync(_cluster.Village, "dispatcher");
        var outPage = village.Render<Escalations>();
        await BoardContext.EventuallyAsync(() => Assert.Contains("No cases escalated.", outPage.Find("[data-test=escalations-out]").TextContent, StringComparison.Ordinal), _cluster.Village);

        await villageDispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Needs the town's crew." });
        var atTown = await _cluster.EventuallyAsync(() => FindByOriginAsync(townDispatcher, reported.Id), "the escalation to reach the town");
        await _cluster.EventuallyAsync(() => LinkedAsync(villageDispatcher, reported.Id), "the village to record the town's case id");

        await using var town = await BoardContext.SignedInAsync(_cluster.Town, "dispatcher");
        var inPage = town.Render<Escalations>();
        await BoardContext.EventuallyAsync(() => Assert.Single(inPage.FindAll($"[data-test=escalations-in] tr[data-case='{atTown.Number}']")), _cluster.Town);
        var received = inPage.Find($"[data-test=escalations-in] tr[data-case='{atTown.Number}']");
        Assert.Equal("village", received.QuerySelector("[data-test=origin-node]")!.TextContent);
        Assert.Equal(reported.Number, received.QuerySelector("[data-test=origin-case]")!.TextContent);
        Assert.Equal("Reported", received.QuerySelector("[data-test=status]")!.TextContent);
        Assert.Equal($"/cases/{atTown.Id}", received.QuerySelector("a")!.GetAttribute("href"));

        // The village's open page shows the escalation live, delivered and acknowledged.
        var sentRow = $"[data-test=escalations-out] tr[data-case='{reported.Number}']";
        await BoardContext.EventuallyAsync(
            () =>
            {
                var sent = outPage.Find(sentRow);
                Assert.Equal("town", sent.QuerySelector("[data-test=parent-node]")!.TextContent);
                Assert.Equal("Escalated", sent.QuerySelector("[data-test=status]")!.TextContent);
                Assert.Equal("Acknowledged", sent.QuerySelector("[data-test=parent-case]")!.TextContent);
                Assert.Equal("Delivered", sent.QuerySelector("[data-test=delivery]")!.TextContent);
            },
            _cluster.Village,
            TimeSpan.FromSeconds(1));

        // The town accepts: the village's page shows the town's state once the update arrives.
        await townDispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = atTown.Id, ExpectedVersion = atTown.Version });
        await BoardContext.EventuallyAsync(
            () => Assert.Equal("Accepted", outPage.Find($"{sentRow} [data-test=parent-status]").TextContent),
            _cluster.Village,
            TimeSpan.FromSeconds(1));
        await BoardContext.EventuallyAsync(() => Assert.Equal("Accepted", inPage.Find($"[data-test=escalations-in] tr[data-case='{atTown.Number}'] [data-test=status]").TextContent), _cluster.Town, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ParentDown_EscalationShownAsWaitingInTheOutbox()
    {
        var worker = await _cluster.Village.CasesAsAsync("worker1");
        var dispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        await _cluster.Town.StopAsync();
        var reported = (await worker.ReportCaseAsync(Report("board-esc-down"))).Case;
        await dispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Town must handle." });

        await using var village = await BoardContext.SignedInAsync(_cluster.Village, "dispatcher");
        var page = village.Render<Escalations>();
        await BoardContext.EventuallyAsync(
            () =>
            {
                var row = page.Find($"[data-test=escalations-out] tr[data-case='{reported.Number}']");
                Assert.StartsWith("In the outbox since ", row.QuerySelector("[data-test=delivery]")!.TextContent, StringComparison.Ordinal);
                Assert.Equal("Not acknowledged yet", row.QuerySelector("[data-test=parent-case]")!.TextContent);
                Assert.Equal("\u2014", row.QuerySelector("[data-test=parent-status]")!.TextContent);
            },
            _cluster.Village);
    }
}
