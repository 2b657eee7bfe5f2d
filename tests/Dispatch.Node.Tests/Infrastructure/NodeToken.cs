using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>Crafts node credentials for tests: right shape, chosen issuer and key.</summary>
internal static class NodeToken
{
    /// <summary>How long a crafted credential is valid from its issue time.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static string Create(string childId, string parentId, string base64Key, DateTimeOffset now) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = childId,
            Audience = "dispatch-parent:" + parentId,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = childId },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)), SecurityAlgorithms.HmacSha256),
        });
}
