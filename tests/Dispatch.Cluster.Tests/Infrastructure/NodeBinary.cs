using System.Reflection;

namespace Dispatch.Cluster.Tests.Infrastructure;

/// <summary>
/// Where the node program and the dotnet host are. The node is the node project's own build output
/// in the configuration these tests were built in (the path is stamped into this assembly at build
/// time); DISPATCH_NODE_DLL overrides it.
/// </summary>
internal static class NodeBinary
{
    public static string Assembly { get; } = Locate();

    /// <summary>The dotnet host that runs the tests (set by the SDK), else dotnet from the PATH.</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";

    private static string Locate()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("DISPATCH_NODE_DLL"),
            typeof(NodeBinary).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == "DispatchNodeAssembly")?.Value,
        };
        return candidates.FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path))
            ?? throw new FileNotFoundException($"The node program was not found (looked at: {string.Join(", ", candidates.Where(c => c is not null))}); build src/Dispatch.Node or set DISPATCH_NODE_DLL.");
    }
}
