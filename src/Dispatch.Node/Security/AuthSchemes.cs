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

    /// <summary>Any signed-in user; every service without its own policy needs at least this.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>A registered child node (the escalation service only).</summary>
    public const string ChildNode = "ChildNode";

    /// <summary>The node's administrators (directory writes, the outbox).</summary>
    public const string Admin = "Admin";

    /// <summary>Those who read evaluation and reports: supervisors, dispatchers and administrators.</summary>
    public const string CommandCentre = "CommandCentre";
}
