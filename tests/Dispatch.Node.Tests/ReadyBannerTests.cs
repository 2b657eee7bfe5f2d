using Dispatch.Node.Hosting;
using Dispatch.Node.Seeding;

namespace Dispatch.Node.Tests;

/// <summary>The block scripts/run.sh ends with: every node's addresses, the demo users and a first command.</summary>
public sealed class ReadyBannerTests
{
    private static List<NodeOptions> Platform(bool tls = false) => LocalCluster.Members.Select(m => new NodeOptions
    {
        Id = m.Id,
        Name = m.Name,
        Tier = m.Tier,
        ParentId = m.ParentId,
        GrpcPort = m.GrpcPort,
        HttpPort = m.HttpPort,
        SeedDemo = true,
        Tls = tls ? new TlsOptions { Certificate = "n.crt", Key = "n.key", Ca = "ca.crt" } : new TlsOptions(),
    }).ToList();

    private static string[] Lines(IReadOnlyList<NodeOptions> nodes)
    {
        var output = new StringWriter();
        ReadyBanner.Write(output, nodes, TimeSpan.FromSeconds(6.4));
        return output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Platform_OneLinePerNode_WithItsAddressesAndParent()
    {
        var lines = Lines(Platform());

        Assert.Equal("Dispatch is ready: 4 nodes, started in 6.4 s.", lines[0]);
        foreach (var member in LocalCluster.Members)
        {
            var line = Assert.Single(lines, l => l.TrimStart().StartsWith(member.Id + " ", StringComparison.Ordinal));
            Assert.Contains($"gRPC http://127.0.0.1:{member.GrpcPort} ", line);
            Assert.Contains($"dashboard http://127.0.0.1:{member.HttpPort}/", line);
            Assert.Equal(member.ParentId is not null, line.Contains($"(parent: {member.ParentId})", StringComparison.Ordinal));
        }

        // The columns line up whatever the ids' lengths.
        var nodeLines = lines.Skip(1).Take(4).ToList();
        Assert.Single(nodeLines.Select(l => l.IndexOf("gRPC", StringComparison.Ordinal)).Distinct());
        Assert.Single(nodeLines.Select(l => l.IndexOf("dashboard", StringComparison.Ordinal)).Distinct());
    }

    [Fact]
    public void Platform_NamesEveryDemoUser_AndAVillageToSignInAt()
    {
        var text = string.Join("\n", Lines(Platform()));

        Assert.Contains($"password {DemoDirectory.Password}", text);
        Assert.All(DemoDirectory.Accounts, a => Assert.Contains(a.Name + " (", text));
        Assert.Contains("dispatch login worker1 --address 127.0.0.1:5301", text);
        Assert.DoesNotContain("TLS", text);
    }

    [Fact]
    public void Tls_HttpsAddresses_AndSaysWhatClientsTrust()
    {
        var text = string.Join("\n", Lines(Platform(tls: true)));

        Assert.Contains("gRPC https://127.0.0.1:5201", text);
        Assert.Contains("dashboard https://127.0.0.1:5300/", text);
        Assert.Contains("mutual TLS", text);
        Assert.Contains("--ca", text);
    }

    [Fact]
    public void SingleNode_WithoutDemo_NoUsersLine()
    {
        var lines = Lines([new NodeOptions { Id = "local", GrpcPort = 5001, HttpPort = 5000 }]);

        Assert.Equal("Dispatch is ready: 1 node, started in 6.4 s.", lines[0]);
        Assert.DoesNotContain(lines, l => l.StartsWith("Demo users", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Ctrl+C stops the node", StringComparison.Ordinal));
    }
}
