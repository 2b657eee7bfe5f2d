using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection;
using static Dispatch.Node.Tests.Infrastructure.EscalationCases;

namespace Dispatch.Node.Tests.Escalation;

/// <summary>
/// The relay is a pipeline: a message committed while an earlier send is still in flight goes out (and is marked
/// delivered) without waiting for that send.
/// </summary>
public abstract class PipelinedRelayTests(StorageKind storage) : IAsyncLifetime
{
    private const string Slow = "Slow to take";
    private readonly HoldingParentInterceptor _town = new(Slow);
    private ClusterTestHost _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClusterTestHost.StartAsync(
        storage,
        townServices: services =>
        {
            services.AddSingleton(_town);
            services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<HoldingParentInterceptor>());
        },

        // The held call must stay in flight for as long as the test wants, not end at the call deadline.
        villageSettings: new Dictionary<string, string?> { ["Node:ParentCallTimeout"] = "00:10:00" });

    public async Task DisposeAsync()
    {
        _town.Release();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Escalate_WhileAnEarlierSendIsHeldAtTheParent_DeliveredWithoutWaitingForIt()
    {
        var worker = await _cluster.Village.CasesAsAsync("worker1");
        var dispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        var slow = (await worker.ReportCaseAsync(Report("slow", Slow))).Case;
        await dispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = slow.Id, ExpectedVersion = slow.Version, Reason = "Town must handle." });
        await _town.Arrived.WaitAsync(WatchStream.Patience);

        var later = (await worker.ReportCaseAsync(Report("later"))).Case;
        await dispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = later.Id, ExpectedVersion = later.Version, Reason = "Town must handle." });
        var atTown = await _cluster.EventuallyAsync(() => FindByOriginAsync(townDispatcher, later.Id), "the later escalation to reach the town");
        var linked = await _cluster.EventuallyAsync(() => LinkedAsync(dispatcher, later.Id), "the later escalation to be marked delivered");

        // Still in flight: the town holds the first call and has not got the first case.
        Assert.Equal(1, _town.Holding);
        Assert.Null(await FindByOriginAsync(townDispatcher, slow.Id));
        Assert.Equal(atTown.Id, linked.ParentCaseId);

        _town.Release();
        var first = await _cluster.EventuallyAsync(() => LinkedAsync(dispatcher, slow.Id), "the held escalation to be delivered once let go");
        Assert.Equal((await FindByOriginAsync(townDispatcher, slow.Id))!.Id, first.ParentCaseId);
        Assert.Equal(2, (await townDispatcher.ListCasesAsync(new ListCasesRequest())).Cases.Count);
    }
}

public sealed class PipelinedRelaySqliteTests() : PipelinedRelayTests(StorageKind.Sqlite);

public sealed class PipelinedRelayPostgresTests() : PipelinedRelayTests(StorageKind.Postgres);
