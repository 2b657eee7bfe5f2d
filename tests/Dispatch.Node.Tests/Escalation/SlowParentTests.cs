using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Escalation;

/// <summary>
/// A parent that stores an escalation but answers after the child's call deadline (Node:ParentCallTimeout):
/// the child's relay retries, and the parent's de-duplication keeps it to one case.
/// </summary>
public abstract class SlowParentTests(StorageKind storage) : IAsyncLifetime
{
    private const int SlowCalls = 2;
    private readonly SlowEscalateInterceptor _slowTown = new(SlowCalls);
    private ClusterTestHost _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClusterTestHost.StartAsync(
        storage,
        townServices: services =>
        {
            services.AddSingleton(_slowTown);
            services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<SlowEscalateInterceptor>());
        },
        villageSettings: new Dictionary<string, string?> { ["Node:ParentCallTimeout"] = "00:00:00.250" });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Escalate_ParentAnswersPastTheCallDeadline_RetriedAndStoredOnce()
    {
        var worker = await _cluster.Village.CasesAsAsync("worker1");
        var villageDispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        var reported = (await worker.ReportCaseAsync(EscalationCases.Report("slow-parent"))).Case;
        await villageDispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Town must handle." });

        var linked = await _cluster.EventuallyAsync(
            async () => (await villageDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = reported.Id })).Case is { ParentCaseId.Length: > 0 } c ? c : null,
            "the village to record the town's case id");

        // Each late answer was retried; every attempt carried the deadline; the town kept one case.
        Assert.True(_slowTown.Calls > SlowCalls, $"{_slowTown.Calls} Escalate calls for {SlowCalls} late answers");
        Assert.Equal(0, _slowTown.CallsWithoutDeadline);
        var atTown = Assert.Single((await townDispatcher.ListCasesAsync(new ListCasesRequest())).Cases);
        Assert.Equal(reported.Id, atTown.OriginCaseId);
        Assert.Equal(atTown.Id, linked.ParentCaseId);
    }
}

public sealed class SlowParentSqliteTests() : SlowParentTests(StorageKind.Sqlite);

public sealed class SlowParentPostgresTests() : SlowParentTests(StorageKind.Postgres);
