namespace Dispatch.Cli.Profiles;

/// <summary>
/// A signed-in session with one node: where, who (with the role, user id and department the node gave), the token
/// and when it ends, and the CA an https:// address is checked against.
/// </summary>
internal sealed record Profile(
    string Address,
    string Token,
    string UserName,
    string Role,
    DateTimeOffset ExpiresAt,
    string? CaFile = null,
    string UserId = "",
    string DepartmentId = "");
