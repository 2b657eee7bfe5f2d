using Dispatch.Node.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.Node.Security;

/// <summary>
/// Node-to-node credentials. A child signs a short-lived token with the key its parent registered
/// for it; the parent accepts only tokens of registered children, checked with that child's key.
/// Node tokens and user tokens are signed with different keys, so neither passes for the other.
/// </summary>
internal sealed class NodeCredentials(IOptions<NodeOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly Dictionary<string, (string Token, DateTimeOffset Renew)> _current = [];
    private readonly ValidatedTokens<string> _validated = new(clock);

    /// <summary>This node's credential for one of its upstream nodes, renewed before it expires.</summary>
    public string CredentialFor(Upstream upstream)
    {
        var now = clock.GetUtcNow();
        lock (_current)
        {
            if (_current.TryGetValue(upstream.Id, out var current) && now < current.Renew)
            {
                return current.Token;
            }
        }

        if (string.IsNullOrEmpty(upstream.Key))
        {
            throw new InvalidOperationException($"No key is configured for the link to {upstream.Id} (Node:ParentKey / Node:EmergencyParentKey).");
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Id,
            Audience = Audience(upstream.Id),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = options.Value.Id },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(upstream.Key)), SecurityAlgorithms.HmacSha256),
        });
        lock (_current)
        {
            _current[upstream.Id] = (token, now + (Lifetime / 2));
        }

        return token;
    }

    /// <summary>The registered child that signed the token, or null (forged, unregistered, expired).</summary>
    public Task<string?> ValidateChildAsync(ReadOnlyMemory<char> token) => _validated.GetAsync(token, ValidateSignedAsync);

    /// <summary>
    /// Checks a child's token with its registered key. A token that validated is remembered until it expires
    /// (<see cref="ValidatedTokens{T}"/>): a child's relay and subscription present the same token for minutes.
    /// </summary>
    private async Task<string?> ValidateSignedAsync(string token)
    {
        string? issuer;
        try
        {
            issuer = _handler.ReadJsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            return null;
        }

        var child = options.Value.Children.FirstOrDefault(c => c.Id == issuer);
        if (child is null || string.IsNullOrEmpty(child.Key))
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = child.Id,
            ValidAudience = Audience(options.Value.Id),
            IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(child.Key)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } end && now < end && (notBefore is not { } start || now >= start.AddMinutes(-1));
            },
        });
        return result.IsValid ? child.Id : null;
    }

    private static string Audience(string parentId) => "dispatch-parent:" + parentId;
}
