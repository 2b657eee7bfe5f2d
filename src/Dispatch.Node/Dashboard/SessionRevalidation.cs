using System.Globalization;
using System.Security.Claims;
using Dispatch.Node.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Dispatch.Node.Dashboard;

/// <summary>
/// A dashboard stays open for hours over one circuit, which the sign-in cookie's expiry alone would not end: every
/// minute the circuit checks the sign-in's expiry on the node's clock, and once it has passed the page goes back to
/// the sign-in page (see <c>Routes.razor</c>).
/// </summary>
internal sealed class SessionRevalidation(ILoggerFactory loggers, TimeProvider clock) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        Task.FromResult(IsCurrent(authenticationState.User, clock.GetUtcNow()));

    /// <summary>Whether a sign-in (cookie or bearer token: both carry <c>exp</c>) is still valid at <paramref name="now"/>.</summary>
    public static bool IsCurrent(ClaimsPrincipal user, DateTimeOffset now) =>
        long.TryParse(user.FindFirst(TokenClaims.Expires)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var expires) &&
        now < DateTimeOffset.FromUnixTimeSeconds(expires);
}
