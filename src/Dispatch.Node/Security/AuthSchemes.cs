namespace Dispatch.Node.Security;

/// <summary>
/// The node's two bearer schemes and its authorization policies. User tokens are signed with the node's own key;
/// node credentials with the key the node registered for that child. Each scheme knows only its own key, so a token
/// of one kind never passes for the other.
/// </summary>
internal static class AuthSchemes
{
    public const string User = "User";

    public const string Node = "Node";

    /// <summary>A signed-in user whose role the method's row of the permission table names.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>A registered child node, for a method whose row is the child nodes' (the escalation service).</summary>
    public const string ChildNode = "ChildNode";
}
