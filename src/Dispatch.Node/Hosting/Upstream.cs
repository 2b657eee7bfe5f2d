namespace Dispatch.Node.Hosting;

/// <summary>A node this node escalates to: its id, address and the key its credential there is signed with.</summary>
public sealed record Upstream(string Id, string Url, string Key, bool Emergency);
