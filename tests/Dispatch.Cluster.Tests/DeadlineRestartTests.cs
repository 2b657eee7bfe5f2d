using Dispatch.Cluster.Tests.Infrastructure;
using Dispatch.Contracts.V1;
using static Dispatch.Cluster.Tests.Infrastructure.CaseProbes;

namespace Dispatch.Cluster.Tests;

/// <summary>
/// A village SIGKILLed while holding 1,000 pending deadlines that all fall due before it comes back (it is
/// started again with its clock a day and a bit ahead, <c>Node:ClockOffset</c>, instead of the test waiting
/// a day; its town too, as clocks across tiers agree): after the restart each breach fires exactly once, and
/// each supervision order reaches the town once.
/// </summary>
public sealed class DeadlineRestartTests
{
    private const string Town = "town";
    private const string Village = "village-a";
    private const int Pending = 1_000;

    [Fact]
    public async Task Killed_WithPendingDeadlinesThatFallDueWhileDown_EachFiresOnceAfterRestart()
    {
        await using var cluster = await ProcessCluster.StartAsync(Town, Village);
        var worker = await cluster[Village].CasesAsAsync("worker1");
        var reported = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Pending), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            var report = Report($"deadline-{i}");
            report.Whistle = WhistleClass.Daily;
            reported.Add((await worker.ReportCaseAsync(report, cancellationToken: token)).Case.Id);
        });

        await cluster[Village].KillAsync();

        // The town moves with it: a parent refuses a node credential issued in its future.
        await cluster[Town].KillAsync();
        await cluster[Town].StartAsync(["--Node:ClockOffset=1.02:00:00"]);
        await cluster[Village].StartAsync(["--Node:ClockOffset=1.02:00:00"]);

        // Signed in again: the old tokens expired on the moved clock.
        var dispatcher = await cluster[Village].CasesAsAsync("dispatcher");
        var overdue = await cluster.EventuallyAsync(
            async () => await CountOverdueAsync(dispatcher) is Pending ? (object)true : null,
            "every deadline to fire after the restart");
        Assert.NotNull(overdue);

        var townSupervisor = await cluster[Town].SupervisionAsAsync("supervisor");
        var orders = await cluster.EventuallyAsync(
            async () => await AllOrdersAsync(townSupervisor) is { Count: Pending } all ? all : null,
            "every supervision order to reach the town");
        Assert.Equal(reported.Order(), orders.Select(o => o.CaseId).Order());
        Assert.All(orders, o => Assert.Equal(Village, o.CaseNodeId));

        // Exactly once: one breach event per case in the village's feed, none twice.
        var breaches = await BreachEventsAsync(dispatcher);
        Assert.Equal(Pending, breaches.Count);
        Assert.Equal(Pending, breaches.Distinct().Count());
    }

    private static async Task<int> CountOverdueAsync(CaseService.CaseServiceClient client)
    {
        var count = 0;
        var token = "";
        do
        {
            var page = await client.ListCasesAsync(new ListCasesRequest { OverdueOnly = true, PageSize = 200, PageToken = token });
            count += page.Cases.Count;
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return count;
    }

    private static async Task<List<SupervisionOrder>> AllOrdersAsync(SupervisionService.SupervisionServiceClient client)
    {
        var all = new List<SupervisionOrder>();
        var token = "";
        do
        {
            var page = await client.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { PageSize = 200, PageToken = token });
            all.AddRange(page.Orders);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }

    /// <summary>The case ids of every CaseMarkedOverdue in the node's feed, read to its current end.</summary>
    private static async Task<List<string>> BreachEventsAsync(CaseService.CaseServiceClient client)
    {
        using var watch = client.WatchCases(new WatchCasesRequest());
        var breaches = new List<string>();
        var supervised = 0;
        while (supervised < Pending && await watch.ResponseStream.MoveNext(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token))
        {
            var notice = watch.ResponseStream.Current;
            if (notice.Event.Type == "CaseMarkedOverdue")
            {
                breaches.Add(notice.CaseId);
            }
            else if (notice.Event.Type == "CaseSupervised")
            {
                supervised++;
            }
        }

        return breaches;
    }
}
