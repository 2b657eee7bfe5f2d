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

        // Both replicas sweep, each through Hangfire, whichever of their servers runs the jobs.
        Node.Clock.Jump(TimeSpan.FromHours(25));
        replica.SweepDeadlines();
        Node.SweepDeadlines();

        // A watch is woken by its own replica's commits (and polls on the clock, which stands still here): wait on the
        // database, then read the feed from its start.
        var supervisor = await Node.SupervisionAsAsync("supervisor");
        var giveUp = DateTime.UtcNow + WatchStream.Patience;
        while ((await supervisor.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { PageSize = 200 })).Orders.Count < Cases)
        {
            Assert.True(DateTime.UtcNow < giveUp, "Gave up waiting for every supervision order.");
            await Task.Delay(20);
        }

        using var watch = (await As("dispatcher")).WatchCases(new WatchCasesRequest());
        var supervised = new HashSet<string>();
        var notices = await watch.ResponseStream.ReadUntilAsync(n => n.Event.Type == "CaseSupervised" && supervised.Add(n.CaseId) && supervised.Count == Cases);

        Assert.Equal(Cases, notices.Count(n => n.Event.Type == "CaseMarkedOverdue"));
        Assert.Equal(ids.Order(), notices.Where(n => n.Event.Type == "CaseMarkedOverdue").Select(n => n.CaseId).Order());
        foreach (var id in ids)
        {
            var read = await ReadAsync(id);
            Assert.Single(read.History, e => e.Type == "CaseMarkedOverdue");
            Assert.Single(read.History, e => e.Type == "CaseSupervised");
        }

        var orders = await supervisor.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { PageSize = 200 });
        Assert.Equal(Cases, orders.Orders.Count);
    }
}
