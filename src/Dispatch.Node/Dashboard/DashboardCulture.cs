using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Dispatch.Node.Dashboard;

/// <summary>
/// The dashboard's two languages. The node runs without ICU (invariant globalization), where cultures have no parents:
/// the browser's zh-CN, zh-Hans or zh-TW would not fall back to a "zh" resource by themselves, so this provider maps any
/// Chinese to <see cref="Chinese"/> and anything else to <see cref="English"/>. The choice made with the switch is kept
/// in a cookie and wins over the browser's language.
/// </summary>
internal sealed record DashboardCulture(string Name, string HtmlLanguage, string NativeName)
{
    public const string CookieName = "dispatch-lang";

    public const string SwitchPathBase = "/language";

    public static readonly DashboardCulture English = new("en", "en", "English");

    /// <summary>Simplified Chinese; its resources are named <c>.zh.resx</c>.</summary>
    public static readonly DashboardCulture Chinese = new("zh", "zh-Hans", "简体中文");

    public static DashboardCulture Current => Of(CultureInfo.CurrentUICulture.Name) ?? English;

    public static DashboardCulture Other => Current == Chinese ? English : Chinese;

    public static DashboardCulture? Of(string? language) => language switch
    {
        null => null,
        _ when language.Equals("zh", StringComparison.OrdinalIgnoreCase) || language.StartsWith("zh-", StringComparison.OrdinalIgnoreCase) => Chinese,
        _ when language.Equals("en", StringComparison.OrdinalIgnoreCase) || language.StartsWith("en-", StringComparison.OrdinalIgnoreCase) => English,
        _ => null,
    };

    public static string SwitchPath(DashboardCulture to, string returnUrl) =>
        $"{SwitchPathBase}?to={to.Name}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static RequestLocalizationOptions Options()
    {
        CultureInfo[] cultures = [new(English.Name), new(Chinese.Name)];
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(English.Name),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            RequestCultureProviders = [new CustomRequestCultureProvider(context => Task.FromResult(Choose(context.Request)))],
        };
    }

    private static ProviderCultureResult? Choose(HttpRequest request)
    {
        var chosen = Of(request.Cookies[CookieName]) ?? FromBrowser(request);
        return chosen is null ? null : new ProviderCultureResult(chosen.Name);
    }

    /// <summary>The browser's most preferred language that the dashboard speaks.</summary>
    private static DashboardCulture? FromBrowser(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages))
        {
            return null;
        }

        return languages
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Of(l.Value.Value))
            .FirstOrDefault(c => c is not null);
    }

    /// <summary>The language switch: <c>GET /language?to=zh&amp;returnUrl=/cases</c> keeps the choice for a year.</summary>
    public static void MapLanguageSwitch(WebApplication app, string host) =>
        app.MapGet(SwitchPathBase, (HttpContext context, string? to, string? returnUrl) =>
        {
            var culture = Of(to);
            if (culture is null)
            {
                return Results.BadRequest("to: choose en or zh.");
            }

            context.Response.Cookies.Append(CookieName, culture.Name, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
                IsEssential = true,
            });
            return Results.LocalRedirect(LocalPath.OrDefault(returnUrl, "/"));
        }).RequireHost(host).AllowAnonymous();
}
