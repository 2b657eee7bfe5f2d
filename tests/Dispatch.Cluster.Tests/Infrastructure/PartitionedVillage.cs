using Dispatch.Contracts.V1;
using static Dispatch.Cluster.Tests.Infrastructure.CaseProbes;

namespace Dispatch.Cluster.Tests.Infrastructure;

/// <summary>
/// The town in the test's network namespace and village-a behind a <see cref="NetworkPartition"/>,
/// each its own process, with the desks the tests act at. Disposing stops both and removes the line.
/// </summary>
public sealed class PartitionedVillage : IAsyncDisposable
{
    public const string Town = "town";
    public const string Village = "village-a";

    private PartitionedVillage(NetworkPartition line, ProcessCluster cluster)
    {
        Line = line;
        Cluster = cluster;
    }

    public NetworkPartition Line { get; }

    public ProcessCluster Cluster { get; }

    public CaseService.CaseServiceClient Worker { get; private init; } = null!;

    public CaseService.CaseServiceClient VillageDispatcher { get; private init; } = null!;

    public CaseService.CaseServiceClient TownDispatcher { get; private init; } = null!;

    public static async Task<PartitionedVillage> StartAsync(IReadOnlyList<string> villageArguments, params string[] townArguments)
    {
        var line = await NetworkPartition.CreateAsync();
        ProcessCluster? cluster = null;
        try
        {
            cluster = await ProcessCluster.StartAsync(new Dictionary<string, NodeHost>
            {
                [Town] = line.ParentHost(townArguments),
                [Village] = line.ChildHost([.. villageArguments]),
            });
            return new PartitionedVillage(line, cluster)
            {
                Worker = await cluster[Village].CasesAsAsync("worker1"),
                VillageDispatcher = await cluster[Village].CasesAsAsync("dispatcher"),
                TownDispatcher = await cluster[Town].CasesAsAsync("dispatcher"),
            };
        }
        catch
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }

            await line.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reports and escalates a case at the village and waits until the town's answer has linked it.</summary>
    public async Task<Case> EscalateAcrossAsync(string requestId)
    {
        var escalated = await ReportAndEscalateAsync(Worker, VillageDispatcher, requestId);
        return await Cluster.EventuallyAsync(() => LinkedAsync(VillageDispatcher, escalated.Id), $"escalation {escalated.Number} to cross the line");
    }

    /// <summary>
    /// Waits until the village and the town both hold an established connection between them, or
    /// (<paramref name="connected"/> false) neither does. During a cut the second means both noticed the
    /// dead line: TCP alone keeps an idle stream's connection established for good, as nothing is sent
    /// that could time out.
    /// </summary>
    public Task<string> ConnectedAsync(bool connected) =>
        Cluster.EventuallyAsync(
            async () => await Line.ConnectionsAsync(Cluster[Town].Member.GrpcPort) is var (atChild, atParent) &&
                (connected ? atChild > 0 && atParent > 0 : atChild == 0 && atParent == 0) ? "so" : null,
            connected ? "the village and the town to be connected" : "the village and the town to drop their connection over the dead line");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Cluster.DisposeAsync();
        }
        finally
        {
            await Line.DisposeAsync();
        }
    }
}
