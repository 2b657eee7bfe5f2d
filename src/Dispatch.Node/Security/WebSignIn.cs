using Dispatch.Node.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Dispatch.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Security;

/// <summary>
/// Sign-in for the node's web pages (the Hangfire dashboard now, the browser dashboard later): ASP.NET Core cookie
/// authentication, signed in at <c>/signin</c> with the same accounts as the gRPC API, whose bearer tokens are
/// accepted too. A browser that is not signed in is sent to the sign-in page; other clients get 401.
/// </summary>
internal static class WebSignIn
{
    /// <summary>The cookie scheme.</summary>
    public const string Cookie = "Web";

    /// <summary>The scheme web pages authenticate with: the bearer token when the request carries one, else the cookie.</summary>
    public const string Browser = "Browser";

    /// <summary>A signed-in user on a web page (roles are checked by the page).</summary>
    public const string SignedIn = "WebSignedIn";

    public const string SignInPath = "/signin";

    public const string SignOutPath = "/signout";

    public static IServiceCollection AddWebSignIn(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddCookie(Cookie, options =>
            {
                options.LoginPath = SignInPath;
                options.LogoutPath = SignOutPath;
                options.SlidingExpiration = false;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Events.OnRedirectToLogin = context =>
                {
                    if (AcceptsHtml(context.Request))
                    {
                        context.Response.Redirect(context.RedirectUri);
                    }
                    else
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    }

                    return Task.CompletedTask;
                };
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddPolicyScheme(Browser, "Bearer token or sign-in cookie", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? AuthSchemes.User : Cookie);

        // The keys that protect the cookies (and antiforgery tokens and the dashboard's circuits) live in the node's
        // database: a node's replicas accept each other's cookies, and a restart or a restored node keeps its users
        // signed in. The application name is fixed, so replicas installed at different paths share them.
        services.AddDataProtection().SetApplicationName("Dispatch.Node").PersistKeysToDbContext<DispatchDbContext>();
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<DispatchDbContext>>().CreateDbContext());

        // Nodes share a host (the local platform runs four on 127.0.0.1, where browsers do not keep cookies apart by
        // port): the cookies carry the node's id in their name and are protected for this node only, so one node's
        // sign-in is no sign-in at another.
        services.AddOptions<CookieAuthenticationOptions>(Cookie).Configure<IOptions<NodeOptions>, IDataProtectionProvider>((options, node, protection) =>
        {
            options.Cookie.Name = $"dispatch-{node.Value.Id}";
            options.ExpireTimeSpan = node.Value.TokenLifetime;
            options.DataProtectionProvider = protection.CreateProtector("Dispatch.Node.WebSignIn", node.Value.Id);
        });
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<NodeOptions>>((options, node) => options.Cookie.Name = $"dispatch-{node.Value.Id}-antiforgery");
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, policy => policy.AddAuthenticationSchemes(Browser).RequireAuthenticatedUser());
        return services;
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
