using Google.Protobuf.Reflection;

namespace Dispatch.Fuzzing;

/// <summary>One RPC of the contract, as its generated descriptor describes it.</summary>
public sealed record FuzzRpc(string Service, string Method, MessageDescriptor Input, bool ServerStreaming)
{
    public string Path => $"/{Service}/{Method}";

    public string Name => $"{Service.Split('.')[^1]}.{Method}";

    /// <summary>Calls that only read (a refused or accepted one must leave the store alone); the rest may write when they succeed.</summary>
    public bool ReadOnly => Method.StartsWith("Get", StringComparison.Ordinal) || Method.StartsWith("List", StringComparison.Ordinal)
        || ServerStreaming || Method == "Login";

    /// <summary>Calls that need no bearer token.</summary>
    public bool Anonymous => Method == "Login";

    /// <summary>Calls that take a node's credential rather than a user's.</summary>
    public bool NodeToNode => Service.EndsWith(".EscalationService", StringComparison.Ordinal);
}
