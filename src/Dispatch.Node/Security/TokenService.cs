using Dispatch.Application.Security;
using Dispatch.Node.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.Node.Security;

/// <summary>Issues the node's signed, expiring user tokens (HMAC-SHA256 JWTs) and says how they are validated.</summary>
internal sealed class TokenService(SigningKey signingKey, IOptions<NodeOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public (string Token, DateTimeOffset ExpiresAt) Issue(CallerIdentity identity)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = TokenClaims.Of(identity).ToDictionary(c => c.Key, c => (object)c.Value),
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    /// <summary>What a user token must satisfy: this node's key, issuer and audience, within its lifetime on the node's clock.</summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        AuthenticationType = AuthSchemes.User,
        ValidIssuer = Issuer,
        ValidAudience = Issuer,
        IssuerSigningKey = signingKey.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = TokenClaims.Name,
        RoleClaimType = TokenClaims.Role,
        // Lifetime is checked against the node's clock, so tests can move time.
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return expires is { } end && now < end && (notBefore is not { } start || now >= start);
        },
    };

    private string Issuer => "dispatch-node:" + options.Value.Id;
}
