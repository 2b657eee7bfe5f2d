using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>
/// Crafts bearer tokens the way an attacker or a misconfigured peer would: the claims of a real token,
/// re-signed with any key, issuer, lifetime or algorithm.
/// </summary>
internal static class TokenForge
{
    private static readonly string[] RegisteredClaims =
        [JwtRegisteredClaimNames.Iss, JwtRegisteredClaimNames.Aud, JwtRegisteredClaimNames.Exp, JwtRegisteredClaimNames.Nbf, JwtRegisteredClaimNames.Iat];

    public static SymmetricSecurityKey RandomKey() => new(RandomNumberGenerator.GetBytes(32));

    /// <summary>The identity claims (user, name, role, scope) of a real token.</summary>
    public static Dictionary<string, object> IdentityClaimsOf(string token) =>
        new JsonWebToken(token).Claims
            .Where(c => !RegisteredClaims.Contains(c.Type))
            .ToDictionary(c => c.Type, c => (object)c.Value);

    /// <summary>A token with <paramref name="claims"/>; unsigned when <paramref name="key"/> is null.</summary>
    public static string Create(
        IDictionary<string, object> claims, SecurityKey? key, string issuer, DateTimeOffset issuedAt, DateTimeOffset? expires, string? audience = null)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience ?? issuer,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = expires?.UtcDateTime,
            Claims = claims,
            SigningCredentials = key is null ? null : new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
