using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Deadlines;

/// <summary>
/// Two replicas of one node on one PostgreSQL database (sharing Hangfire's storage there): every deadline fires
/// once, though both replicas sweep at once, and the cases reported through either replica are all covered.
/// </summary>
public sealed class ReplicaDeadlineTests() : DeadlineTestBase(StorageKind.Postgres)
{
    private const int Cases = 60;

    [Fact]
    public async Task TwoReplicasOnePostgres_EachDeadlineFiresOnce()
    {
        await using var replica = await Node.StartReplicaAsync();
        var first = await As("worker1");
        var second = new CaseService.CaseServiceClient(replica.Channel.CreateCallInvoker().WithToken(await replica.LoginAsync("worker1")));
        var ids = new List<string>();
        for (var i = 0; i < Cases; i++)
        {
            ids.Add((await (i % 2 == 0 ? first : second).ReportCaseAsync(NewReport($"replica-{i}"))).Case.Id);
        }

        using var watch = (await As("dispatcher")).WatchCases(new WatchCasesRequest());
        Node.Clock.Jump(TimeSpan.FromHours(25));
        replica.SweepDeadlines();
        var supervised = new HashSet<string>();
        var notices = await UntilAsync(watch, n => n.Event.Type == "CaseSupervised" && supervised.Add(n.CaseId) && supervised.Count == Cases);

        Assert.Equal(Cases, notices.Count(n => n.Event.Type == "CaseMarkedOverdue"));
        Assert.Equal(ids.Order(), notices.Where(n => n.Event.Type == "CaseMarkedOverdue").Select(n => n.CaseId).Order());
        foreach (var id in ids)
        {
            var read = await ReadAsync(id);
            Assert.Single(read.History, e => e.Type == "CaseMarkedOverdue");
            Assert.Single(read.History, e => e.Type == "CaseSupervised");
        }

        var orders = await (await Node.SupervisionAsAsync("supervisor")).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { PageSize = 200 });
        Assert.Equal(Cases, orders.Orders.Count);
    }
}
