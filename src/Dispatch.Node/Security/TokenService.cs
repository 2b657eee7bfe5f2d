using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;
using Dispatch.Node.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.Node.Security;

/// <summary>Issues and validates the node's signed, expiring bearer tokens (HMAC-SHA256 JWTs).</summary>
internal sealed class TokenService(SigningKey signingKey, IOptions<NodeOptions> options, TimeProvider clock)
{
    private const string GridsClaim = "grids";
    private const string DepartmentClaim = "dept";
    private const string RoleClaim = "role";
    /// <summary>More distinct signed-in callers than this at once and the remembered tokens start over.</summary>
    private const int MaxRemembered = 10_000;

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, RememberedToken> _validated = new(StringComparer.Ordinal);

    public (string Token, DateTimeOffset ExpiresAt) Issue(CallerIdentity identity)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = identity.UserId.ToString(),
            [JwtRegisteredClaimNames.Name] = identity.UserName,
            [RoleClaim] = identity.Role.ToString(),
            [GridsClaim] = string.Join(',', identity.GridIds.Select(g => g.Value)),
        };
        if (identity.DepartmentId is { } department)
        {
            claims[DepartmentClaim] = department.ToString();
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    /// <summary>The identity in a valid token; null when the token is forged, expired or malformed.</summary>
    /// <summary>
    /// The caller a token names, or null when it is forged, expired, not yet valid or not ours. A token that
    /// validated is remembered until it expires: checking its signature again on every call cost more CPU
    /// than the rest of a report's handling on the node (and HMAC contexts for the finalizer to collect).
    /// The cache holds only tokens this node signed and that validated, keyed by their exact text.
    /// </summary>
    public async Task<CallerIdentity?> ValidateAsync(string token)
    {
        var now = clock.GetUtcNow();
        if (_validated.TryGetValue(token, out var known))
        {
            if (now >= known.NotBefore && now < known.Expires)
            {
                return known.Identity;
            }

            _validated.TryRemove(token, out _);
        }

        var identity = await ValidateSignedAsync(token);
        if (identity is not null && ReadLifetime(token) is var (notBefore, expires))
        {
            if (_validated.Count >= MaxRemembered)
            {
                _validated.Clear();
            }

            _validated[token] = new RememberedToken(identity, notBefore, expires);
        }

        return identity;
    }

    private (DateTimeOffset NotBefore, DateTimeOffset Expires)? ReadLifetime(string token)
    {
        var jwt = _handler.ReadJsonWebToken(token);
        return jwt.ValidTo == DateTime.MinValue
            ? null
            : (jwt.ValidFrom == DateTime.MinValue ? DateTimeOffset.MinValue : new DateTimeOffset(jwt.ValidFrom, TimeSpan.Zero), new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
    }

    private async Task<CallerIdentity?> ValidateSignedAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = signingKey.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.Zero,
            // Lifetime is checked against the node's clock, so tests can move time.
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } end && now < end && (notBefore is not { } start || now >= start);
            },
        });
        if (!result.IsValid ||
            !Guid.TryParse(Claim(result.Claims, JwtRegisteredClaimNames.Sub), out var userId) ||
            !Enum.TryParse<Role>(Claim(result.Claims, RoleClaim), out var role))
        {
            return null;
        }

        var grids = (Claim(result.Claims, GridsClaim) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(g => GridId.Parse(g))
            .ToArray();
        Guid? department = Guid.TryParse(Claim(result.Claims, DepartmentClaim), out var d) ? d : null;
        return new CallerIdentity(userId, Claim(result.Claims, JwtRegisteredClaimNames.Name) ?? "", role, grids, department);
    }

    private sealed record RememberedToken(CallerIdentity Identity, DateTimeOffset NotBefore, DateTimeOffset Expires);

    private static string? Claim(IDictionary<string, object> claims, string name) =>
        claims.TryGetValue(name, out var value) ? value as string : null;

    private string Issuer => "dispatch-node:" + options.Value.Id;
}
