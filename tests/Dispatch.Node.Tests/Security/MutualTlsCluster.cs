using Dispatch.Node.Hosting;
using Dispatch.Node.Tests.Infrastructure;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Tests.Security;

/// <summary>Three tiers over TLS, each node with its own certificate from one test authority, shared by a test class.</summary>
public sealed class MutualTlsCluster : IAsyncLifetime
{
    public TestCertificates Certificates { get; } = TestCertificates.Create();

    public ClusterTestHost Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await ClusterTestHost.StartAsync(StorageKind.Sqlite, certificates: Certificates);

    /// <summary>The key <paramref name="parent"/> registered for <paramref name="childId"/>, to craft that child's credential.</summary>
    public static string ChildKey(NodeTestHost parent, string childId) =>
        parent.Services.GetRequiredService<IOptions<NodeOptions>>().Value.Children.Single(c => c.Id == childId).Key;

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Certificates.Dispose();
    }
}
