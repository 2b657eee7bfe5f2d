namespace Dispatch.Node.Security;

/// <summary>The claims a user token carries beside the registered ones (sub, name).</summary>
internal static class TokenClaims
{
    public const string Role = "role";

    public const string Grids = "grids";

    public const string Department = "dept";

    public const string Name = "name";

    public const string Subject = "sub";

    public const string Issuer = "iss";
}
