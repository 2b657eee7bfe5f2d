namespace Dispatch.Cluster.Tests.Infrastructure;

/// <summary>
/// Where a node process runs: the address its endpoints listen on (and the tests reach it at), the
/// network namespace it runs in (null: the test's own) and settings of its own for every start.
/// </summary>
public sealed record NodeHost(string Address, string? Namespace = null, IReadOnlyList<string>? Arguments = null)
{
    public static NodeHost Loopback { get; } = new("127.0.0.1");
}
