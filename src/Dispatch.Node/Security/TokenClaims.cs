using Dispatch.Application.Security;

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

    /// <summary>When the sign-in ends (Unix seconds), in a bearer token and in the web sign-in cookie.</summary>
    public const string Expires = "exp";

    /// <summary>The claims of a signed-in user, the same in a bearer token and in the web sign-in cookie.</summary>
    public static Dictionary<string, string> Of(CallerIdentity identity)
    {
        var claims = new Dictionary<string, string>
        {
            [Subject] = identity.UserId.ToString(),
            [Name] = identity.UserName,
            [Role] = identity.Role.ToString(),
            [Grids] = string.Join(',', identity.GridIds.Select(g => g.Value)),
        };
        if (identity.DepartmentId is { } department)
        {
            claims[Department] = department.ToString();
        }

        return claims;
    }
}
