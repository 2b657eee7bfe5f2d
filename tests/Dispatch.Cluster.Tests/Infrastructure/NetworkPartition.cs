using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Dispatch.Cluster.Tests.Infrastructure;

/// <summary>
/// A line between a parent node in the test's own network namespace and a child node in a namespace of
/// its own, through a router in a third namespace, that can be cut and healed:
/// <code>
///   parent (root) 198.18.x.1 --- .2 router .5 --- .6 uplink  child
///   test   (root) 198.18.x.9 ---------------- .10 desk    child
/// </code>
/// A cut makes the router drop what it would forward (a queue of length 0 on its way out), so the
/// packets vanish on the line, as behind a broken link: nobody refuses or resets anything and neither
/// end's TCP learns of it before its own timers run out. (Dropping at an end's own queue is not silent:
/// TCP sees the local drop and gives up within seconds.) Neighbours are set permanent, so ARP does not
/// fail during a cut either. The desk is never cut: the test keeps talking to the child meanwhile.
/// x is random, in the benchmarking range 198.18.0.0/15. Disposing kills what still runs in the
/// namespaces and deletes the links and both namespaces (and with them the routes made here).
/// </summary>
public sealed partial class NetworkPartition : IAsyncDisposable
{
    private const string Prefix = "dsp-";
    private readonly string _suffix;
    private readonly string _net;
    private readonly HashSet<string> _cut = [];

    private NetworkPartition(string suffix, int subnet)
    {
        _suffix = suffix;
        _net = $"198.18.{subnet}.";
        ChildNamespace = NamespaceName(Environment.ProcessId, suffix, "child");
        RouterNamespace = NamespaceName(Environment.ProcessId, suffix, "router");
    }

    public string ChildNamespace { get; }

    public string RouterNamespace { get; }

    /// <summary>The parent's address, in the test's namespace, that the child reaches through the router.</summary>
    public string ParentAddress => _net + "1";

    /// <summary>The child's address on the desk link, where the test reaches it.</summary>
    public string ChildAddress => _net + "10";

    /// <summary>The parent's node host: in the test's namespace, on the line's parent address.</summary>
    public NodeHost ParentHost(params string[] arguments) => new(ParentAddress, null, arguments);

    /// <summary>The child's node host: in the child namespace, with settings of its own (e.g. short keepalives).</summary>
    public NodeHost ChildHost(params string[] arguments) => new(ChildAddress, ChildNamespace, arguments);

    private string RootToRouter => RootLink(_suffix, 'p');

    private string RootToDesk => RootLink(_suffix, 'd');

    /// <summary>Makes the namespaces and links; leftovers of test runs that died are removed first.</summary>
    public static async Task<NetworkPartition> CreateAsync()
    {
        if (NetTools.Unavailable is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        await RemoveLeftoversAsync();
        var partition = new NetworkPartition(RandomNumberGenerator.GetHexString(5, lowercase: true), await FreeSubnetAsync());
        try
        {
            await partition.BuildAsync();
        }
        catch
        {
            await partition.DisposeAsync();
            throw;
        }

        return partition;
    }

    /// <summary>Cuts the line both ways.</summary>
    public Task PartitionAsync() => CutAsync("parent", "child");

    /// <summary>Cuts only the way from the parent to the child: requests arrive, their replies are lost.</summary>
    public Task CutParentToChildAsync() => CutAsync("child");

    /// <summary>Restores the line.</summary>
    public async Task HealAsync()
    {
        foreach (var link in _cut.ToList())
        {
            await NetTools.RunAsync(NetTools.Tc, "-n", RouterNamespace, "qdisc", "del", "dev", link, "root");
            _cut.Remove(link);
        }
    }

    /// <summary>
    /// The TCP connections between the child and the parent's port that are established, as the child
    /// and as the parent see them (after a cut each side may still hold one the other has let go).
    /// </summary>
    public async Task<(int AtChild, int AtParent)> ConnectionsAsync(int parentPort) =>
        (await EstablishedAsync(ChildNamespace, "dst", $"{ParentAddress}:{parentPort}"),
         await EstablishedAsync(null, "src", $"{ParentAddress}:{parentPort}", "dst", _net + "6"));

    public ValueTask DisposeAsync() => new(RemoveAsync(Environment.ProcessId, _suffix));

    private Task CutAsync(params string[] links) =>
        Task.WhenAll(links.Where(_cut.Add).Select(link => NetTools.RunAsync(NetTools.Tc, "-n", RouterNamespace, "qdisc", "replace", "dev", link, "root", "pfifo", "limit", "0")));

    private static async Task<int> EstablishedAsync(string? ns, params string[] filter)
    {
        string[] query = ["-Htn", "state", "established", .. filter];
        var output = ns is null ? await NetTools.RunAsync(NetTools.Ss, query) : await NetTools.RunAsync(NetTools.Ip, ["netns", "exec", ns, NetTools.Ss!, .. query]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    private async Task BuildAsync()
    {
        var (child, router) = (ChildNamespace, RouterNamespace);
        await Ip("netns", "add", child);
        await Ip("netns", "add", router);
        await Ip("link", "add", RootToRouter, "type", "veth", "peer", "name", "parent", "netns", router);
        await Ip("-n", router, "link", "add", "child", "type", "veth", "peer", "name", "uplink", "netns", child);
        await Ip("link", "add", RootToDesk, "type", "veth", "peer", "name", "desk", "netns", child);

        await Address(null, RootToRouter, 1);
        await Address(router, "parent", 2);
        await Address(router, "child", 5);
        await Address(child, "uplink", 6);
        await Address(null, RootToDesk, 9);
        await Address(child, "desk", 10);
        await Ip("-n", child, "link", "set", "lo", "up");

        // The parent and the child reach each other through the router only.
        await Ip("route", "add", _net + "4/30", "via", _net + "2", "dev", RootToRouter);
        await Ip("-n", child, "route", "add", _net + "0/30", "via", _net + "5", "dev", "uplink");
        await NetTools.RunAsync(NetTools.Ip, "netns", "exec", router, "sh", "-c", "echo 1 > /proc/sys/net/ipv4/ip_forward");

        await Neighbour(null, RootToRouter, 2, router, "parent");
        await Neighbour(router, "parent", 1, null, RootToRouter);
        await Neighbour(router, "child", 6, child, "uplink");
        await Neighbour(child, "uplink", 5, router, "child");
    }

    private async Task Address(string? ns, string link, int host)
    {
        await Ip(In(ns, "addr", "add", $"{_net}{host}/30", "dev", link));
        await Ip(In(ns, "link", "set", link, "up"));
    }

    /// <summary>A permanent neighbour entry: the address on the far side of a link, with that side's MAC address.</summary>
    private async Task Neighbour(string? ns, string link, int host, string? farNs, string farLink)
    {
        var mac = (await Ip(In(farNs, "-br", "link", "show", farLink))).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
        await Ip(In(ns, "neigh", "replace", _net + host.ToString(CultureInfo.InvariantCulture), "lladdr", mac, "dev", link, "nud", "permanent"));
    }

    private static string[] In(string? ns, params string[] args) => ns is null ? args : ["-n", ns, .. args];

    private static Task<string> Ip(params string[] args) => NetTools.RunAsync(NetTools.Ip, args);

    /// <summary>A 198.18.x.0/24 (benchmarking range) that no address on this machine's own namespace is in.</summary>
    private static async Task<int> FreeSubnetAsync()
    {
        var inUse = await Ip("-4", "-o", "addr", "show");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var subnet = RandomNumberGenerator.GetInt32(0, 256);
            if (!inUse.Contains($" 198.18.{subnet}.", StringComparison.Ordinal))
            {
                return subnet;
            }
        }

        throw new InvalidOperationException("No free 198.18.x.0/24 for a test line.");
    }

    /// <summary>
    /// Removes one line: kills what still runs in its namespaces (node processes its test started),
    /// deletes the links in the test's namespace (and so their ends inside: a namespace outlives its
    /// name while sockets in it still wait on a dead line) and then the namespaces.
    /// </summary>
    private static async Task RemoveAsync(int pid, string suffix)
    {
        var names = (await Ip("netns", "list")).Split('\n').Select(line => line.Split(' ')[0]).ToHashSet();
        var namespaces = new[] { NamespaceName(pid, suffix, "child"), NamespaceName(pid, suffix, "router") }.Where(names.Contains).ToList();
        foreach (var ns in namespaces)
        {
            foreach (var process in (await Ip("netns", "pids", ns)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                await KillAsync(int.Parse(process, CultureInfo.InvariantCulture));
            }
        }

        var links = await Ip("-o", "link", "show");
        foreach (var link in new[] { RootLink(suffix, 'p'), RootLink(suffix, 'd') }.Where(link => links.Contains($": {link}@", StringComparison.Ordinal)))
        {
            await Ip("link", "del", link);
        }

        foreach (var ns in namespaces)
        {
            await Ip("netns", "del", ns);
        }
    }

    private static async Task KillAsync(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            await process.WaitForExitAsync();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    /// <summary>Lines of this helper whose test process no longer runs (it was killed before it could clean up).</summary>
    private static async Task RemoveLeftoversAsync()
    {
        foreach (var line in (await Ip("netns", "list")).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (OwnName().Match(line.Split(' ')[0]) is { Success: true } match && !Directory.Exists($"/proc/{match.Groups[1].Value}"))
            {
                await RemoveAsync(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value);
            }
        }
    }

    private static string NamespaceName(int pid, string suffix, string role) => $"{Prefix}{pid}-{suffix}-{role}";

    private static string RootLink(string suffix, char role) => $"dsp{suffix}{role}";

    [GeneratedRegex(@"^dsp-(\d+)-([0-9a-f]{5})-(child|router)$")]
    private static partial Regex OwnName();
}
