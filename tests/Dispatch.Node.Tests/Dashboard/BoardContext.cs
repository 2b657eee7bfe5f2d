using System.Globalization;
using System.Security.Claims;
using Bunit;
using Dispatch.Application.SignIn;
using Dispatch.Node.Dashboard;
using Dispatch.Node.Security;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>
/// A bUnit context whose components run against a real node's services (its database, use cases, feed and fake
/// clock), signed in as one of the node's demo users the way the web sign-in does: the node's own password check,
/// then the same claims in a principal of the sign-in cookie's scheme.
/// </summary>
internal static class BoardContext
{
    public static async Task<BunitContext> SignedInAsync(NodeTestHost node, string userName)
    {
        var user = await node.Services.GetRequiredService<PasswordSignIn>().SignInAsync(new SignInCommand(userName, DemoDirectory.Password), CancellationToken.None);
        var expires = node.Clock.GetUtcNow().AddDays(60).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var claims = TokenClaims.Of(user.Identity).Select(c => new Claim(c.Key, c.Value)).Append(new Claim(TokenClaims.Expires, expires));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, WebSignIn.Cookie, TokenClaims.Name, TokenClaims.Role));

        var context = new BunitContext();
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(principal));
        context.Services.AddScoped<DashboardCaller>();
        context.Services.AddFallbackServiceProvider(node.Services);

        // bUnit's own container answers IOptions<T> (with defaults): the node's settings come from the node.
        context.Services.AddSingleton(node.Services.GetRequiredService<IOptions<DashboardOptions>>());
        return context;
    }

    /// <summary>
    /// Waits for a rendered assertion to hold while the page's work crosses threads (database reads, the case feed).
    /// Between tries the node's clock moves by <paramref name="step"/> (none by default), so a coalesced reload comes due.
    /// </summary>
    public static async Task EventuallyAsync(Action assertion, NodeTestHost node, TimeSpan? step = null)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < giveUp)
            {
                if (step is { } by)
                {
                    node.Clock.Advance(by);
                }

                await Task.Delay(20);
            }
        }
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
