using System.Globalization;
using System.Security.Cryptography;
using Dispatch.Data;
using Dispatch.Fuzzing;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Bench;

/// <summary>
/// The fuzz and abuse suite at benchmark size (the CI sample in Dispatch.Node.Tests runs the same engine): the report
/// of answers by status, every violation, and the node's resident memory at the start, every tenth and the end.
/// Exits 1 when anything was violated.
/// </summary>
internal static class FuzzLoad
{
    private static readonly string[] DemoUsers = ["worker1", "worker2", "dispatcher", "sanitation", "safety", "supervisor", "admin"];

    public static async Task<int> RunAsync(FuzzOptions options)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = options.Provider,
            ["ConnectionStrings:" + DatabaseSettings.ConnectionStringName] = options.ConnectionString,
        }).Build();
        await using var services = new ServiceCollection().AddDispatchData(configuration).BuildServiceProvider();
        var contexts = services.GetRequiredService<IDbContextFactory<DispatchDbContext>>();

        var now = DateTimeOffset.UtcNow;
        FuzzCredential[] nodeCredentials =
        [
            // Real node credentials live minutes; this one outlasts the run.
            FuzzCredential.Bearer("node", NodeToken.Create(options.ChildId, options.NodeId, options.ChildKey, now, TimeSpan.FromHours(6)), node: true),
            new("node-foreign-key", ["Bearer " + NodeToken.Create(options.ChildId, options.NodeId, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), now)], Valid: false, Node: true),
        ];
        var session = await FuzzSession.PrepareAsync(options.Address, DemoUsers, options.Password, nodeCredentials, [options.ChildId, options.NodeId], seedCases: 40);
        var memory = new NodeMemory(options.NodePid);
        var settings = new FuzzSettings(options.Seed, options.Cases, options.Concurrency)
        {
            Probe = () =>
            {
                var reading = memory.Describe();
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {reading}"));
                return reading;
            },
        };
        var started = System.Diagnostics.Stopwatch.StartNew();
        var report = await FuzzRun.RunAsync(options.Address, session, token => StoreFingerprint.TakeAsync(contexts, token), settings, now);
        Console.WriteLine(report.Describe());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz: {report.Cases} cases in {started.Elapsed.TotalSeconds:F0} s ({report.Cases / started.Elapsed.TotalSeconds:F0}/s)"));
        foreach (var rpc in RpcCatalogue.All)
        {
            Console.WriteLine($"rpc {rpc.Name}: " + string.Join(", ", report.StatusesOf(rpc.Name).OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}")));
        }

        return report.Violations == 0 ? 0 : 1;
    }
}
