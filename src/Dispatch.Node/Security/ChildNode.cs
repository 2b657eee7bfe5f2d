namespace Dispatch.Node.Security;

/// <summary>A registered child node, authenticated by its node credential.</summary>
internal sealed record ChildNode(string Id);
