using Dispatch.Application.Security;
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

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly ValidatedTokens<CallerIdentity> _validated = new(clock);

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

    /// <summary>
    /// The caller a token names, or null when it is forged, expired, not yet valid or not ours. A token that
    /// validated is remembered until it expires (<see cref="ValidatedTokens{T}"/>).
    /// </summary>
    public Task<CallerIdentity?> ValidateAsync(ReadOnlyMemory<char> token) => _validated.GetAsync(token, ValidateSignedAsync);

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

    private static string? Claim(IDictionary<string, object> claims, string name) =>
        claims.TryGetValue(name, out var value) ? value as string : null;

    private string Issuer => "dispatch-node:" + options.Value.Id;
}
