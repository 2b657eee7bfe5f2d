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
    private (string Token, DateTimeOffset Renew)? _current;

    /// <summary>This node's credential for its parent, renewed before it expires.</summary>
    public string CredentialForParent()
    {
        var now = clock.GetUtcNow();
        if (_current is { } current && now < current.Renew)
        {
            return current.Token;
        }

        var node = options.Value;
        var key = new SymmetricSecurityKey(Convert.FromBase64String(node.ParentKey ?? throw new InvalidOperationException("Node:ParentKey is required with Node:ParentUrl.")));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = node.Id,
            Audience = Audience(node.ParentId ?? ""),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = node.Id },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        _current = (token, now + (Lifetime / 2));
        return token;
    }

    /// <summary>The registered child that signed the token, or null (forged, unregistered, expired).</summary>
    public async Task<string?> ValidateChildAsync(string token)
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
