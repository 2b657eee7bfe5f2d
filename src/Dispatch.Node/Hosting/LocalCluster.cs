using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;

namespace Dispatch.Node.Hosting;

/// <summary>
/// The local platform in one process: a district, a town under it and two villages under the town,
/// each its own node with its own ports and SQLite database under data/&lt;node id&gt;/. The link keys
/// are generated once into data/cluster-keys.json, so restarts keep the links.
/// <c>--cluster-port-offset N</c> adds N to every port (its own and its links'), so a second cluster
/// (fault tests, scripts/cluster.sh --port-offset) runs beside the platform on the default ports.
/// <c>--tls</c> runs every member on HTTPS with the certificates scripts/certs.sh makes in data/certs/, and the links
/// between tiers as mutual TLS.
/// </summary>
public static class LocalCluster
{
    public sealed record Member(string Id, string Name, string Tier, int GrpcPort, int HttpPort, string? ParentId);

    public static readonly IReadOnlyList<Member> Members =
    [
        new("district", "District command centre", "District", 5101, 5100, null),
        new("town", "Town command centre", "Town", 5201, 5200, "district"),
        new("village-a", "Village A command centre", "Village", 5301, 5300, "town"),
        new("village-b", "Village B command centre", "Village", 5401, 5400, "town"),
    ];

    public static bool IsRequested(string[] args) => args.Contains("--cluster") || args.Contains("--cluster-member");

    /// <summary>Runs the whole cluster, or with <c>--cluster-member ID</c> just that member (one process per node).</summary>
    public static Task<int> RunAsync(string[] args)
    {
        var offset = 0;
        if (TakeOption(ref args, "--cluster-port-offset") is { } value &&
            (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > MaxPortOffset))
        {
            Console.Error.WriteLine($"--cluster-port-offset must be a whole number from 0 to {MaxPortOffset}, not '{value}'.");
            return Task.FromResult(2);
        }

        var tls = args.Contains(TlsFlag);
        args = args.Where(a => a != TlsFlag).ToArray();
        if (tls && MissingCertificate("data") is { } missing)
        {
            Console.Error.WriteLine($"--tls: no certificate at {missing}; make the local ones with scripts/certs.sh data/certs (scripts/run.sh --tls does).");
            return Task.FromResult(2);
        }

        return TakeOption(ref args, "--cluster-member") is { } id
            ? RunMemberAsync(id, args, offset, tls)
            : RunAllAsync(args, offset, tls);
    }

    private const string TlsFlag = "--tls";

    /// <summary>The api_key of the demo Open311 app registered on the local platform's villages and town.</summary>
    public const string DemoOpen311Key = "demo-open311-key";

    /// <summary>Where the members' certificates are: the CA (ca.crt) and one certificate and key per member (ID.crt, ID.key).</summary>
    public static string CertificateDirectory(string dataDirectory) => Path.Combine(dataDirectory, "certs");

    private static string? MissingCertificate(string dataDirectory) =>
        Members.SelectMany(m => new[] { m.Id + ".crt", m.Id + ".key" }).Prepend("ca.crt")
            .Select(file => Path.Combine(CertificateDirectory(dataDirectory), file))
            .FirstOrDefault(path => !File.Exists(path));

    /// <summary>The largest port offset that keeps every member's ports valid.</summary>
    public static int MaxPortOffset => IPEndPoint.MaxPort - Members.Max(m => Math.Max(m.GrpcPort, m.HttpPort));

    /// <summary>A member with both its ports moved by <paramref name="offset"/>.</summary>
    public static Member Shifted(Member member, int offset) =>
        member with { GrpcPort = member.GrpcPort + offset, HttpPort = member.HttpPort + offset };

    /// <summary>Removes "NAME VALUE" from the arguments and returns VALUE; null when absent.</summary>
    private static string? TakeOption(ref string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0 || at + 1 >= args.Length)
        {
            return null;
        }

        var value = args[at + 1];
        args = args.Where((_, i) => i != at && i != at + 1).ToArray();
        return value;
    }

    private static async Task<int> RunMemberAsync(string id, string[] args, int portOffset, bool tls, string dataDirectory = "data")
    {
        var member = Members.SingleOrDefault(m => m.Id == id);
        if (member is null)
        {
            Console.Error.WriteLine($"Unknown cluster member '{id}'; members: {string.Join(", ", Members.Select(m => m.Id))}.");
            return 2;
        }

        // The member's own command line wins over the cluster's settings, e.g. --Node:ParentUrl and
        // --Node:ListenAddress for a member that runs in a network namespace of its own.
        var settings = Settings(member, LoadOrCreateKeys(Path.Combine(dataDirectory, "cluster-keys.json")), dataDirectory, portOffset, tls);
        foreach (var (key, value) in new ConfigurationBuilder().AddCommandLine(args).Build().AsEnumerable().Where(s => s.Value is not null))
        {
            settings[key] = value;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var app = NodeApp.Build(args, settings);
        await app.StartAsync();
        ReadyBanner.Write(Console.Out, [Options(app)], started.Elapsed);
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static async Task<int> RunAllAsync(string[] args, int portOffset, bool tls, string dataDirectory = "data")
    {
        var rest = args.Where(a => a != "--cluster").ToArray();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var keys = LoadOrCreateKeys(Path.Combine(dataDirectory, "cluster-keys.json"));
        var apps = Members.Select(m => NodeApp.Build(rest, Settings(m, keys, dataDirectory, portOffset, tls))).ToList();
        foreach (var app in apps)
        {
            await app.StartAsync();
        }

        ReadyBanner.Write(Console.Out, apps.Select(Options).ToList(), started.Elapsed);
        await apps[0].WaitForShutdownAsync();
        foreach (var app in apps.AsEnumerable().Reverse())
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        return 0;
    }

    /// <summary>The node settings a started app runs with.</summary>
    public static NodeOptions Options(WebApplication app) => app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NodeOptions>>().Value;

    /// <summary>The Node:* settings of one member: ports, data folder, its parent link and its children, and with <paramref name="tls"/> its certificates.</summary>
    public static Dictionary<string, string?> Settings(Member member, IReadOnlyDictionary<string, string> keys, string dataDirectory, int portOffset = 0, bool tls = false)
    {
        member = Shifted(member, portOffset);
        var folder = Path.Combine(dataDirectory, member.Id);
        var settings = new Dictionary<string, string?>
        {
            ["Node:Id"] = member.Id,
            ["Node:Name"] = member.Name,
            ["Node:Tier"] = member.Tier,
            ["Node:GrpcPort"] = member.GrpcPort.ToString(CultureInfo.InvariantCulture),
            ["Node:HttpPort"] = member.HttpPort.ToString(CultureInfo.InvariantCulture),
            ["Node:DataDirectory"] = folder,
            ["ConnectionStrings:Dispatch"] = $"Data Source={Path.Combine(folder, "node.db")}",
        };
        // Villages and towns serve Open311; the demo app's key makes the README's examples work.
        if (Open311.Open311Endpoints.IsServedBy(member.Tier))
        {
            settings["Open311:Apps:0:Name"] = "demo";
            settings["Open311:Apps:0:Key"] = DemoOpen311Key;
        }

        if (tls)
        {
            var certificates = CertificateDirectory(dataDirectory);
            settings["Node:Tls:Certificate"] = Path.Combine(certificates, member.Id + ".crt");
            settings["Node:Tls:Key"] = Path.Combine(certificates, member.Id + ".key");
            settings["Node:Tls:Ca"] = Path.Combine(certificates, "ca.crt");
        }

        if (member.ParentId is { } parentId)
        {
            var parent = Shifted(Members.Single(m => m.Id == parentId), portOffset);
            settings["Node:ParentUrl"] = $"{Scheme(tls)}://127.0.0.1:{parent.GrpcPort}";
            settings["Node:ParentId"] = parentId;
            settings["Node:ParentKey"] = keys[member.Id];
        }

        // Villages may send Emergency whistles straight to the district (skipping the town).
        if (member.Tier == "Village" && member.ParentId is { } town && Members.Single(m => m.Id == town).ParentId is { } grandparentId)
        {
            var grandparent = Shifted(Members.Single(m => m.Id == grandparentId), portOffset);
            settings["Node:EmergencySkipsTier"] = "true";
            settings["Node:EmergencyParentUrl"] = $"{Scheme(tls)}://127.0.0.1:{grandparent.GrpcPort}";
            settings["Node:EmergencyParentId"] = grandparentId;
            settings["Node:EmergencyParentKey"] = keys[EmergencyKey(member.Id)];
        }

        var children = Members.Where(m => m.ParentId == member.Id)
            .Select(m => (m.Id, Key: keys[m.Id]))
            .Concat(Members.Where(m => m.Tier == "Village" && m.ParentId is { } p && Members.Single(x => x.Id == p).ParentId == member.Id)
                .Select(m => (m.Id, Key: keys[EmergencyKey(m.Id)])))
            .ToList();
        for (var i = 0; i < children.Count; i++)
        {
            settings[$"Node:Children:{i}:Id"] = children[i].Id;
            settings[$"Node:Children:{i}:Key"] = children[i].Key;
        }

        return settings;
    }

    /// <summary>One key per child link (and per emergency link), generated once; missing ones are added.</summary>
    public static IReadOnlyDictionary<string, string> LoadOrCreateKeys(string path)
    {
        var keys = File.Exists(path) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))! : [];
        var links = Members.Where(m => m.ParentId is not null).Select(m => m.Id)
            .Concat(Members.Where(m => m.Tier == "Village").Select(m => EmergencyKey(m.Id)));
        var added = false;
        foreach (var link in links.Where(l => !keys.ContainsKey(l)))
        {
            keys[link] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            added = true;
        }

        if (added)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, JsonSerializer.Serialize(keys));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return keys;
    }

    private static string EmergencyKey(string villageId) => villageId + "/emergency";

    private static string Scheme(bool tls) => tls ? "https" : "http";
}
