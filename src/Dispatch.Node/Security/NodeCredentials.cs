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

    /// <summary>
    /// What a child's credential must satisfy: signed with the key registered for the child named as its issuer, for
    /// this node, within its lifetime on the node's clock (a minute's grace for the child's clock running ahead).
    /// </summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        AuthenticationType = AuthSchemes.Node,
        ValidIssuers = options.Value.Children.Where(c => c.Key.Length > 0).Select(c => c.Id).ToArray(),
        ValidAudience = Audience(options.Value.Id),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        IssuerSigningKeyResolver = (_, token, _, _) => options.Value.Children
            .Where(c => c.Key.Length > 0 && c.Id == (token as JsonWebToken)?.Issuer)
            .Select(c => (SecurityKey)new SymmetricSecurityKey(Convert.FromBase64String(c.Key)))
            .ToArray(),
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return expires is { } end && now < end && (notBefore is not { } start || now >= start.AddMinutes(-1));
        },
    };

    private static string Audience(string parentId) => "dispatch-parent:" + parentId;
}
