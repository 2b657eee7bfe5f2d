using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Escalation;

/// <summary>
/// A parent that does not accept the village's credential (UNAUTHENTICATED): the problem is the node's, not the
/// message's, so the escalation stays queued (not refused, the case not given back) and is delivered once the
/// parent accepts the credential.
/// </summary>
public abstract class NodeRefusalTests(StorageKind storage) : IAsyncLifetime
{
    private readonly string _villageKey = ClusterTestHost.NewKey();
    private ClusterTestHost _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClusterTestHost.StartAsync(
        storage,
        villageSettings: new Dictionary<string, string?> { ["Node:ParentKey"] = _villageKey });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Escalate_ParentRefusesTheNodesCredential_MessageKept_DeliveredOnceTheParentAcceptsIt()
    {
        var worker = await _cluster.Village.CasesAsAsync("worker1");
        var dispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        var reported = (await worker.ReportCaseAsync(EscalationCases.Report("node-refused"))).Case;
        await dispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Town must handle." });

        // Retried at the slowest pace while refused: the case stays escalated and nothing is marked refused.
        for (var i = 0; i < 10; i++)
        {
            _cluster.Village.Clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Yield();
        }

        var admin = await _cluster.Village.OutboxAsAsync("admin");
        Assert.Empty((await admin.ListRefusedMessagesAsync(new ListRefusedMessagesRequest())).Messages);
        var waiting = (await dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = reported.Id })).Case;
        Assert.Equal(CaseStatus.Escalated, waiting.Status);
        Assert.Equal("", waiting.ParentCaseId);

        // The operator registers the village's key at the town.
        await _cluster.Town.StopAsync();
        await _cluster.Town.RestartAsync(new Dictionary<string, string?> { ["Node:Children:0:Key"] = _villageKey });
        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        var linked = await _cluster.EventuallyAsync(
            async () => (await dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = reported.Id })).Case is { ParentCaseId.Length: > 0 } c ? c : null,
            "the escalation to be delivered once the town accepts the credential");
        var atTown = Assert.Single((await townDispatcher.ListCasesAsync(new ListCasesRequest())).Cases);
        Assert.Equal(reported.Id, atTown.OriginCaseId);
        Assert.Equal(atTown.Id, linked.ParentCaseId);
        Assert.Empty((await admin.ListRefusedMessagesAsync(new ListRefusedMessagesRequest())).Messages);
    }
}

public sealed class NodeRefusalSqliteTests() : NodeRefusalTests(StorageKind.Sqlite);

public sealed class NodeRefusalPostgresTests() : NodeRefusalTests(StorageKind.Postgres);
