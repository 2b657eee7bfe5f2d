using System.Security.Cryptography;
using System.Text.Json;

namespace Dispatch.Node.Hosting;

/// <summary>
/// The local platform in one process: a district, a town under it and two villages under the town,
/// each its own node with its own ports and SQLite database under data/&lt;node id&gt;/. The link keys
/// are generated once into data/cluster-keys.json, so restarts keep the links.
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
    public static Task<int> RunAsync(string[] args) =>
        Array.IndexOf(args, "--cluster-member") is var at and >= 0 && at + 1 < args.Length
            ? RunMemberAsync(args[at + 1], args.Where((_, i) => i != at && i != at + 1).ToArray())
            : RunAllAsync(args);

    private static async Task<int> RunMemberAsync(string id, string[] args, string dataDirectory = "data")
    {
        var member = Members.SingleOrDefault(m => m.Id == id);
        if (member is null)
        {
            Console.Error.WriteLine($"Unknown cluster member '{id}'; members: {string.Join(", ", Members.Select(m => m.Id))}.");
            return 2;
        }

        var app = NodeApp.Build(args, Settings(member, LoadOrCreateKeys(Path.Combine(dataDirectory, "cluster-keys.json")), dataDirectory));
        await app.StartAsync();
        Console.WriteLine($"{member.Name} ({member.Tier}, id {member.Id}): gRPC http://127.0.0.1:{member.GrpcPort}, web http://127.0.0.1:{member.HttpPort}");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static async Task<int> RunAllAsync(string[] args, string dataDirectory = "data")
    {
        var rest = args.Where(a => a != "--cluster").ToArray();
        var keys = LoadOrCreateKeys(Path.Combine(dataDirectory, "cluster-keys.json"));
        var apps = Members.Select(m => NodeApp.Build(rest, Settings(m, keys, dataDirectory))).ToList();
        foreach (var app in apps)
        {
            await app.StartAsync();
        }

        foreach (var member in Members)
        {
            Console.WriteLine($"{member.Name} ({member.Tier}, id {member.Id}): gRPC http://127.0.0.1:{member.GrpcPort}, web http://127.0.0.1:{member.HttpPort}" +
                (member.ParentId is null ? "" : $", parent {member.ParentId}"));
        }

        await apps[0].WaitForShutdownAsync();
        foreach (var app in apps.AsEnumerable().Reverse())
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        return 0;
    }

    /// <summary>The Node:* settings of one member: ports, data folder, its parent link and its children.</summary>
    public static Dictionary<string, string?> Settings(Member member, IReadOnlyDictionary<string, string> keys, string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, member.Id);
        var settings = new Dictionary<string, string?>
        {
            ["Node:Id"] = member.Id,
            ["Node:Name"] = member.Name,
            ["Node:Tier"] = member.Tier,
            ["Node:GrpcPort"] = member.GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Node:HttpPort"] = member.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Node:DataDirectory"] = folder,
            ["ConnectionStrings:Dispatch"] = $"Data Source={Path.Combine(folder, "node.db")}",
        };
        if (member.ParentId is { } parentId)
        {
            var parent = Members.Single(m => m.Id == parentId);
            settings["Node:ParentUrl"] = $"http://127.0.0.1:{parent.GrpcPort}";
            settings["Node:ParentId"] = parentId;
            settings["Node:ParentKey"] = keys[member.Id];
        }

        // Villages may send Emergency whistles straight to the district (skipping the town).
        if (member.Tier == "Village" && member.ParentId is { } town && Members.Single(m => m.Id == town).ParentId is { } grandparentId)
        {
            var grandparent = Members.Single(m => m.Id == grandparentId);
            settings["Node:EmergencySkipsTier"] = "true";
            settings["Node:EmergencyParentUrl"] = $"http://127.0.0.1:{grandparent.GrpcPort}";
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
}
