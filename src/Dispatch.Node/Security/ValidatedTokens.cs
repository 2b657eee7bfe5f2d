using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Dispatch.Node.Security;

/// <summary>
/// Bearer tokens that validated, remembered by their exact text until they expire, with what they named: checking
/// a signature again on every call cost more CPU than the rest of a report's handling (and left HMAC contexts for
/// the finalizer to collect). Only tokens that validated are kept; one outside its lifetime is validated again
/// (and fails).
/// </summary>
internal sealed class ValidatedTokens<T>(TimeProvider clock)
    where T : class
{
    /// <summary>More distinct tokens than this at once and the remembered ones start over.</summary>
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, (T Value, DateTimeOffset NotBefore, DateTimeOffset Expires)> _validated = new(StringComparer.Ordinal);
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>
    /// What <paramref name="validate"/> made of the token, remembered while the token is within its lifetime. A
    /// remembered token is found by its characters where the caller has them (the rest of its header), so a call
    /// with one makes no string of it: that string was a kilobyte per call, the most any part of a report allocated.
    /// </summary>
    public Task<T?> GetAsync(ReadOnlyMemory<char> token, Func<string, Task<T?>> validate)
    {
        var now = clock.GetUtcNow();
        var remembered = _validated.GetAlternateLookup<ReadOnlySpan<char>>();
        if (remembered.TryGetValue(token.Span, out var known))
        {
            if (now >= known.NotBefore && now < known.Expires)
            {
                return Task.FromResult<T?>(known.Value);
            }

            remembered.TryRemove(token.Span, out _);
        }

        return ValidateAsync(token.ToString(), validate);
    }

    private async Task<T?> ValidateAsync(string token, Func<string, Task<T?>> validate)
    {
        var value = await validate(token);
        if (value is not null && ReadLifetime(token) is var (notBefore, expires))
        {
            if (_validated.Count >= MaxRemembered)
            {
                _validated.Clear();
            }

            _validated[token] = (value, notBefore, expires);
        }

        return value;
    }

    private (DateTimeOffset NotBefore, DateTimeOffset Expires)? ReadLifetime(string token)
    {
        var jwt = _handler.ReadJsonWebToken(token);
        return jwt.ValidTo == DateTime.MinValue
            ? null
            : (jwt.ValidFrom == DateTime.MinValue ? DateTimeOffset.MinValue : new DateTimeOffset(jwt.ValidFrom, TimeSpan.Zero), new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
    }
}
