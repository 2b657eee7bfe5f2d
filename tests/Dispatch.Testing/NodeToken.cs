using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.Testing;

/// <summary>Crafts node credentials for tests and benchmarks: right shape, chosen issuer and key.</summary>
public static class NodeToken
{
    /// <summary>How long a crafted credential is valid from its issue time.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>A credential of <paramref name="childId"/> for <paramref name="parentId"/>, valid from <paramref name="now"/> for <paramref name="lifetime"/> (default <see cref="Lifetime"/>).</summary>
    public static string Create(string childId, string parentId, string base64Key, DateTimeOffset now, TimeSpan? lifetime = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = childId,
            Audience = "dispatch-parent:" + parentId,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + (lifetime ?? Lifetime)).UtcDateTime,
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = childId },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)), SecurityAlgorithms.HmacSha256),
        });
}
