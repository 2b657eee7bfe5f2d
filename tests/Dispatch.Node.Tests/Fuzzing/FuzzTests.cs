using System.Security.Cryptography;
using Dispatch.Data;
using Dispatch.Fuzzing;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Dispatch.Node.Tests.Fuzzing;

/// <summary>
/// The CI sample of the fuzz and abuse suite (scripts/bench-fuzz.sh runs the same engine for 100,000 cases and more):
/// a fixed seed's cases against a real node on a real SQLite file. Every answer is a status or a reset, never UNKNOWN
/// or the node's own INTERNAL; the node keeps serving; a batch of refused calls writes nothing.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261205;
    private const string ChildId = "fuzz-child";
    private static readonly string ChildKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static readonly string[] DemoUsers = ["worker1", "worker2", "dispatcher", "sanitation", "safety", "supervisor", "admin"];

    [Fact]
    public async Task EveryRpc_FuzzedSample_AnswersStatusOrResetAndRefusedCallsWriteNothing()
    {
        await using var node = await NodeTestHost.StartAsync(StorageKind.Sqlite, new Dictionary<string, string?>
        {
            ["Node:Children:0:Id"] = ChildId,
            ["Node:Children:0:Key"] = ChildKey,
        });
        var now = node.Clock.GetUtcNow();
        FuzzCredential[] nodeCredentials =
        [
            FuzzCredential.Bearer("node", NodeToken.Create(ChildId, "test-node", ChildKey, now), node: true),
            new("node-foreign-key", ["Bearer " + NodeToken.Create(ChildId, "test-node", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), now)], Valid: false, Node: true),
        ];
        var session = await FuzzSession.PrepareAsync(node.Address, DemoUsers, DemoDirectory.Password, nodeCredentials, [ChildId, "test-node"], seedCases: 12);
        var contexts = node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>();

        var report = await FuzzRun.RunAsync(node.Address, session, token => StoreFingerprint.TakeAsync(contexts, token), new FuzzSettings(Seed, Cases: 1_500), now);

        output.WriteLine(report.Describe());
        Assert.All(RpcCatalogue.All, rpc => Assert.NotEmpty(report.StatusesOf(rpc.Name)));
        Assert.True(report.BatchesChecked > 0, "no batch could be checked for writes");
        Assert.True(report.Violations == 0, report.Describe());
    }
}
