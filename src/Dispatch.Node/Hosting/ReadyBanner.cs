using System.Globalization;
using Dispatch.Node.Seeding;

namespace Dispatch.Node.Hosting;

/// <summary>
/// The one block a node, or the local platform, prints once every member listens: each node with its tier,
/// parent, gRPC address and dashboard URL, the demo accounts when the demo directory is on, and the first
/// commands to try. Before it, only warnings and errors reach the console (appsettings.json).
/// </summary>
public static class ReadyBanner
{
    public static void Write(TextWriter output, IReadOnlyList<NodeOptions> nodes, TimeSpan startedIn)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Dispatch is ready: {nodes.Count} node{(nodes.Count == 1 ? "" : "s")}, started in {startedIn.TotalSeconds:0.0} s."),
        };
        var idWidth = nodes.Max(n => n.Id.Length);
        var grpcWidth = nodes.Max(n => GrpcUrl(n).Length);
        foreach (var node in nodes)
        {
            lines.Add($"  {node.Id.PadRight(idWidth)}  {node.Tier,-8}  gRPC {GrpcUrl(node).PadRight(grpcWidth)}  dashboard {WebUrl(node)}/" +
                (node.ParentId is { Length: > 0 } parent ? $"  (parent: {parent})" : ""));
        }

        if (nodes.Any(n => n.Tls.Enabled))
        {
            lines.Add("  Every port is HTTPS and the links between tiers are mutual TLS; clients trust the CA (dispatch login --ca, or DISPATCH_CA).");
        }

        if (nodes.Any(n => n.SeedDemo))
        {
            lines.Add($"Demo users (password {DemoDirectory.Password}) on every node: {string.Join(", ", DemoDirectory.Accounts.Select(a => $"{a.Name} ({a.Description})"))}.");
        }

        var first = nodes.FirstOrDefault(n => n.Tier == "Village") ?? nodes[0];
        var address = $"{first.ListenAddress}:{first.GrpcPort}";
        lines.Add($"Try: dispatch login worker1 --address {address}    (install the tool: scripts/install-cli.sh)");
        lines.Add($"     or open {WebUrl(first)}/ in a browser. Ctrl+C stops {(nodes.Count == 1 ? "the node" : "every node")}.");
        output.WriteLine(string.Join(Environment.NewLine, lines));
    }

    private static string Scheme(NodeOptions node) => node.Tls.Enabled ? "https" : "http";

    private static string GrpcUrl(NodeOptions node) => $"{Scheme(node)}://{node.ListenAddress}:{node.GrpcPort}";

    private static string WebUrl(NodeOptions node) => $"{Scheme(node)}://{node.ListenAddress}:{node.HttpPort}";
}
