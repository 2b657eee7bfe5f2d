using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.Node.Security;

/// <summary>
/// A token handler that remembers the tokens it validated, by their exact text, until they expire: a client sends the
/// same token on every call for hours, and checking its signature and claims again each time cost more than the rest
/// of a report's handling. Only valid tokens are kept; a remembered one outside its lifetime is validated again (and
/// fails). One instance per scheme, so a token valid for one scheme is never remembered for the other.
/// </summary>
internal sealed class RememberingTokenHandler(TimeProvider clock) : JsonWebTokenHandler
{
    /// <summary>More distinct tokens than this at once and the remembered ones start over.</summary>
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, (TokenValidationResult Result, DateTime NotBefore, DateTime Expires)> _valid = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_valid.TryGetValue(token, out var known))
        {
            if (now >= known.NotBefore && now < known.Expires)
            {
                return known.Result;
            }

            _valid.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken { ValidTo: var expires } jwt && expires != DateTime.MinValue)
        {
            if (_valid.Count >= MaxRemembered)
            {
                _valid.Clear();
            }

            _valid[token] = (result, jwt.ValidFrom, expires);
        }

        return result;
    }
}
