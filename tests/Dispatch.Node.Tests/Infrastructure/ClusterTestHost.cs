using System.Security.Cryptography;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>
/// Three tiers on loopback: a district, a town under it and a village under the town, each its own
/// node with its own database, port and clock, linked by per-link node keys.
/// </summary>
public sealed class ClusterTestHost : IAsyncDisposable
{
    private ClusterTestHost(NodeTestHost district, NodeTestHost town, NodeTestHost village)
    {
        District = district;
        Town = town;
        Village = village;
    }

    public NodeTestHost District { get; }

    public NodeTestHost Town { get; }

    public NodeTestHost Village { get; }

    /// <summary>
    /// Starts the three tiers; <paramref name="townServices"/> adds to the town's services (e.g. a test
    /// interceptor) and <paramref name="villageSettings"/> overrides the village's settings. With
    /// <paramref name="certificates"/> every node serves HTTPS with its own certificate and the links are mutual TLS.
    /// </summary>
    public static async Task<ClusterTestHost> StartAsync(StorageKind storage, Action<IServiceCollection>? townServices = null, IReadOnlyDictionary<string, string?>? villageSettings = null, IReadOnlyDictionary<string, string?>? allSettings = null, TestCertificates? certificates = null)
    {
        var scheme = certificates is null ? "http" : "https";
        var townKey = NewKey();
        var villageKey = NewKey();
        var emergencyKey = NewKey();
        var districtPort = LoopbackGrpcHost.FreePort();
        var townPort = LoopbackGrpcHost.FreePort();
        Dictionary<string, string?> With(Dictionary<string, string?> own)
        {
            foreach (var (key, value) in certificates?.NodeSettings(own["Node:Id"]!) ?? [])
            {
                own.TryAdd(key, value);
            }

            foreach (var (key, value) in allSettings ?? new Dictionary<string, string?>())
            {
                own.TryAdd(key, value);
            }

            return own;
        }

        var district = await NodeTestHost.StartAsync(storage, With(new Dictionary<string, string?>
        {
            ["Node:Id"] = "district",
            ["Node:Tier"] = "District",
            ["Node:Children:0:Id"] = "town",
            ["Node:Children:0:Key"] = townKey,
            ["Node:Children:1:Id"] = "village",
            ["Node:Children:1:Key"] = emergencyKey,
        }), districtPort);
        var town = await NodeTestHost.StartAsync(storage, With(new Dictionary<string, string?>
        {
            ["Node:Id"] = "town",
            ["Node:Tier"] = "Town",
            ["Node:ParentUrl"] = $"{scheme}://127.0.0.1:{districtPort}",
            ["Node:ParentId"] = "district",
            ["Node:ParentKey"] = townKey,
            ["Node:Children:0:Id"] = "village",
            ["Node:Children:0:Key"] = villageKey,
        }), townPort, townServices);
        var villageDefaults = new Dictionary<string, string?>
        {
            ["Node:Id"] = "village",
            ["Node:Tier"] = "Village",
            ["Node:ParentUrl"] = $"{scheme}://127.0.0.1:{townPort}",
            ["Node:ParentId"] = "town",
            ["Node:ParentKey"] = villageKey,
            ["Node:EmergencySkipsTier"] = "true",
            ["Node:EmergencyParentUrl"] = $"{scheme}://127.0.0.1:{districtPort}",
            ["Node:EmergencyParentId"] = "district",
            ["Node:EmergencyParentKey"] = emergencyKey,
        };
        foreach (var (key, value) in villageSettings ?? new Dictionary<string, string?>())
        {
            villageDefaults[key] = value;
        }

        var village = await NodeTestHost.StartAsync(storage, With(villageDefaults));
        return new ClusterTestHost(district, town, village);
    }

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Waits for an effect that crosses nodes (an outbox delivery, a streamed update). Each round moves
    /// every clock a little, so retry backoffs come due, unless <paramref name="moveClocks"/> is false (an
    /// effect that must come without any timer); it gives up after a generous real-time bound.
    /// </summary>
    public async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, bool moveClocks = true)
        where T : class
    {
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < giveUp)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (moveClocks)
            {
                foreach (var node in new[] { District, Town, Village })
                {
                    node.Clock.Advance(TimeSpan.FromMilliseconds(500));
                }
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Gave up waiting for {what}.");
    }

    public async ValueTask DisposeAsync()
    {
        await Village.DisposeAsync();
        await Town.DisposeAsync();
        await District.DisposeAsync();
    }
}
