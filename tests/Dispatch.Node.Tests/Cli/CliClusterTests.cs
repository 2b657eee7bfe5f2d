using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Cli;

/// <summary>The commands that cross tiers: escalate at the village, then at the town list, summon, acknowledge, hand back.</summary>
public sealed class CliClusterTests(CliClusterTests.Cluster fixture) : IClassFixture<CliClusterTests.Cluster>
{
    public sealed class Cluster : IAsyncLifetime
    {
        public ClusterTestHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await ClusterTestHost.StartAsync(StorageKind.Sqlite);

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    [Fact]
    public async Task Escalate_ThenAtTheTown_OriginShownSummonAcknowledgeHandBack()
    {
        using var worker = new CliUser();
        using var villageDispatcher = new CliUser();
        using var town = new CliUser();
        using var townHandler = new CliUser();
        await worker.LoginAsync(fixture.Host.Village, "worker1");
        await villageDispatcher.LoginAsync(fixture.Host.Village, "dispatcher");
        await town.LoginAsync(fixture.Host.Town, "dispatcher");
        await townHandler.LoginAsync(fixture.Host.Town, "sanitation");
        var number = await CliCases.ReportAsync(worker, "Drain for the town", "cluster-escalate", "--whistle", "Tough");

        var escalated = await villageDispatcher.RunAsync("escalate", number, "--reason", "Needs the town's crew");
        escalated.AssertOk();
        Assert.Contains("Escalated", escalated.Out, StringComparison.Ordinal);
        var villageCase = (await (await fixture.Host.Village.CasesAsAsync("dispatcher")).ListCasesAsync(new ListCasesRequest { Text = number })).Cases.Single();
        var townCases = await fixture.Host.Town.CasesAsAsync("dispatcher");
        var atTown = await fixture.Host.EventuallyAsync(() => EscalationCases.FindByOriginAsync(townCases, villageCase.Id), "the escalation at the town");

        var listed = await town.RunAsync("list", "--all");
        listed.AssertOk();
        Assert.Contains(listed.Lines, l => l.StartsWith(atTown.Number, StringComparison.Ordinal) && l.Contains($"village {number}", StringComparison.Ordinal));

        var summoned = await town.RunAsync("summon", atTown.Number, "--department", DemoDirectory.SanitationId.ToString(), "--reason", "Joint handling");
        summoned.AssertOk();
        var orders = await townHandler.RunAsync("orders", "--open", "--json");
        orders.AssertOk();
        var order = Google.Protobuf.JsonParser.Default.Parse<ListSupervisionOrdersResponse>(orders.Lines[0]).Orders.Single(o => o.CaseId == atTown.Id);
        var acknowledged = await townHandler.RunAsync("acknowledge", order.Id, "--note", "On our way");
        acknowledged.AssertOk();
        Assert.Contains("Acknowledged", acknowledged.Out, StringComparison.Ordinal);

        var handedBack = await town.RunAsync("hand-back", atTown.Number, "--reason", "The village can do this");
        handedBack.AssertOk();
        var villageCases = await fixture.Host.Village.CasesAsAsync("dispatcher");
        var back = await fixture.Host.EventuallyAsync(() => EscalationCases.StatusIsAsync(villageCases, villageCase.Id, CaseStatus.Accepted), "the case back at the village");
        var shown = await villageDispatcher.RunAsync("show", number);
        shown.AssertOk();
        Assert.Contains("CaseEscalationReturned", shown.Out, StringComparison.Ordinal);
    }
}
