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

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>
/// Dashboard pages rendered by bUnit against a real node (SQLite, fake clock): the page's services are the node's own,
/// and the circuit's user is a demo user signed in with the node's password check, as the sign-in cookie carries them.
/// </summary>
public abstract class DashboardTestBase() : NodeTestBase(StorageKind.Sqlite), IAsyncLifetime
{
    private readonly List<BunitContext> _contexts = [];

    /// <summary>Waits long enough for a real node's reads and its feed on a busy machine; a wait ends as soon as its assertion holds.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>A bUnit context whose pages run as <paramref name="userName"/> on this test's node.</summary>
    protected async Task<(BunitContext Context, Guid UserId)> SignInAsync(string userName)
    {
        var user = await Node.Services.GetRequiredService<PasswordSignIn>().SignInAsync(new SignInCommand(userName, DemoDirectory.Password), CancellationToken.None);
        var claims = TokenClaims.Of(user.Identity).Select(c => new Claim(c.Key, c.Value))
            .Append(new Claim(TokenClaims.Expires, Node.Clock.GetUtcNow().AddHours(8).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, WebSignIn.Cookie, TokenClaims.Name, TokenClaims.Role));

        var context = new BunitContext();
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(principal));
        context.Services.AddScoped<DashboardCaller>();
        context.Services.AddFallbackServiceProvider(Node.Services);
        _contexts.Add(context);
        return (context, user.Identity.UserId);
    }

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    /// <summary>The pages first (they follow the node's feed), then the node.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        await DisposeAsync();
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
