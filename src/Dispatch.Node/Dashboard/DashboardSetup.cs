using Dispatch.Node.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;

namespace Dispatch.Node.Dashboard;

/// <summary>The command-centre dashboard: Blazor with interactive server rendering on the node's web port.</summary>
internal static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddScoped<DashboardCaller>();
        services.AddLocalization();

        // Chinese text is sent as text, not as a character reference per character.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    /// <summary>
    /// Maps the dashboard to the web port (<paramref name="host"/>). The language and antiforgery middleware run for
    /// that port's requests only: the gRPC port's calls, the hot path, pass by them.
    /// </summary>
    public static void MapDashboard(this WebApplication app, string host, int webPort)
    {
        var languages = DashboardCulture.Options();
        app.UseWhen(context => context.Connection.LocalPort == webPort, web => web.UseRequestLocalization(languages).UseAntiforgery());

        // The assets' manifests are named after the node's assembly, also when a test host (another entry assembly) runs
        // the node. A build (not a publish) finds the files where the runtime manifest says: the project's wwwroot and
        // the framework's package (Blazor's script).
        var runtimeManifest = Path.Combine(AppContext.BaseDirectory, "Dispatch.Node.staticwebassets.runtime.json");
        if (File.Exists(runtimeManifest))
        {
            var manifest = new ConfigurationBuilder().AddInMemoryCollection([new(WebHostDefaults.StaticWebAssetsKey, runtimeManifest)]).Build();
            StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, manifest);
        }

        app.MapStaticAssets(Path.Combine(AppContext.BaseDirectory, "Dispatch.Node.staticwebassets.endpoints.json")).RequireHost(host);
        DashboardCulture.MapLanguageSwitch(app, host);
        app.MapBulletinDownloads(host);
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(WebSignIn.SignedIn)
            .RequireHost(host);
    }
}
