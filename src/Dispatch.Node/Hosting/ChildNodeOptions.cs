namespace Dispatch.Node.Hosting;

/// <summary>A registered child node: its id and the base64 key its credential must be signed with.</summary>
public sealed class ChildNodeOptions
{
    public string Id { get; set; } = "";

    public string Key { get; set; } = "";
}
