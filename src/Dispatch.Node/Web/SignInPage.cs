using System.Net;
using System.Security.Claims;
using Dispatch.Application.Errors;
using Dispatch.Application.SignIn;
using Dispatch.Node.Hosting;
using Dispatch.Node.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Dispatch.Node.Dashboard;

namespace Dispatch.Node.Web;

/// <summary>
/// The web port's sign-in: <c>GET /signin</c> shows a form, <c>POST /signin</c> (antiforgery checked) checks the
/// password with the same use case as <c>AuthService.Login</c> and sets the sign-in cookie; <c>/signout</c> clears it.
/// </summary>
internal static class SignInPage
{
    private const string DefaultReturn = "/";

    /// <summary>Set by the dashboard when an open page's sign-in ended (<c>RedirectToSignIn</c>).</summary>
    public const string ExpiredFlag = "expired";

    public static void MapSignIn(this WebApplication app, string host)
    {
        app.MapGet(WebSignIn.SignInPath, (HttpContext context, IAntiforgery antiforgery, IOptions<NodeOptions> node, IStringLocalizer<SignInTexts> text) =>
        {
            var expired = context.Request.Query.ContainsKey(ExpiredFlag) ? text["Your session has ended; sign in again."].Value : null;
            return Form(context, antiforgery, node.Value, text, LocalOrDefault(context.Request.Query["ReturnUrl"]), expired, StatusCodes.Status200OK);
        }).RequireHost(host);
        app.MapPost(WebSignIn.SignInPath, SignInAsync).RequireHost(host);
        // Signed in (the user's) on both: an antiforgery token is bound to the user it was made for, and the
        // dashboard's sign-out form carries one made for the signed-in user. Anyone else goes to the sign-in page.
        app.MapGet(WebSignIn.SignOutPath, (HttpContext context, IAntiforgery antiforgery, IOptions<NodeOptions> node, IStringLocalizer<SignInTexts> text) =>
            Page(node.Value, text["Sign out"], $"""<form method="post" action="{WebSignIn.SignOutPath}">{Token(context, antiforgery)}<button class="primary">{text["Sign out"]}</button></form>""")).RequireHost(host).RequireAuthorization(WebSignIn.SignedIn);
        app.MapPost(WebSignIn.SignOutPath, async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest("The sign-out form is stale or was not sent from this node's page; load /signout again.");
            }

            await context.SignOutAsync(WebSignIn.Cookie);
            return Results.Redirect(WebSignIn.SignInPath);
        }).RequireHost(host).RequireAuthorization(WebSignIn.SignedIn);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, PasswordSignIn signIn, IOptions<NodeOptions> node, TimeProvider clock, IStringLocalizer<SignInTexts> text)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest(text["The sign-in form is stale or was not sent from this node's page; load /signin again."].Value);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = LocalOrDefault(form["returnUrl"]);
        try
        {
            var user = await signIn.SignInAsync(new SignInCommand(form["userName"].ToString(), form["password"].ToString(), context.Connection.RemoteIpAddress?.ToString()), context.RequestAborted);
            // The cookie ends when a token signed now would; an open dashboard checks this claim (Dashboard.SessionRevalidation).
            var expires = clock.GetUtcNow().Add(node.Value.TokenLifetime).ToUnixTimeSeconds();
            var claims = TokenClaims.Of(user.Identity).Select(c => new Claim(c.Key, c.Value))
                .Append(new Claim(TokenClaims.Expires, expires.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, WebSignIn.Cookie, TokenClaims.Name, TokenClaims.Role));
            await context.SignInAsync(WebSignIn.Cookie, principal);
            return Results.Redirect(returnUrl);
        }
        catch (SignInFailedException)
        {
            return Form(context, antiforgery, node.Value, text, returnUrl, text["Wrong user name or password."], StatusCodes.Status401Unauthorized);
        }
        catch (AccountLockedException)
        {
            return Form(context, antiforgery, node.Value, text, returnUrl, text["This account is locked after too many wrong passwords; an administrator can unlock it."], StatusCodes.Status403Forbidden);
        }
        catch (LimitExceededException ex)
        {
            var seconds = Limits.RetryPushback.Seconds(ex.RetryAfter ?? TimeSpan.Zero);
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Form(context, antiforgery, node.Value, text, returnUrl, text["Too many failed sign-ins from this address; try again in {0} s.", seconds], StatusCodes.Status429TooManyRequests);
        }
        catch (InvalidRequestException ex)
        {
            return Form(context, antiforgery, node.Value, text, returnUrl, ex.Message, StatusCodes.Status400BadRequest);
        }
    }

    private static IResult Form(HttpContext context, IAntiforgery antiforgery, NodeOptions node, IStringLocalizer text, string returnUrl, string? message, int status)
    {
        var error = message is null ? "" : $"""<p class="error" role="alert">{WebUtility.HtmlEncode(message)}</p>""";
        var body = $"""
            {error}<form class="card signin" method="post" action="{WebSignIn.SignInPath}">{Token(context, antiforgery)}
            <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl)}">
            <p><label>{text["User name"]} <input name="userName" autocomplete="username" required maxlength="{PasswordSignIn.UserNameMaxLength}"></label></p>
            <p><label>{text["Password"]} <input type="password" name="password" autocomplete="current-password" required maxlength="{PasswordSignIn.PasswordMaxLength}"></label></p>
            <p><button class="primary">{text["Sign in"]}</button></p></form>
            <p class="muted"><a href="{DashboardCulture.SwitchPath(DashboardCulture.Other, context.Request.Path + context.Request.QueryString)}" lang="{DashboardCulture.Other.HtmlLanguage}">{DashboardCulture.Other.NativeName}</a></p>
            """;
        return Page(node, text["Sign in"], body, status);
    }

    private static IResult Page(NodeOptions node, string title, string body, int status = StatusCodes.Status200OK) => Results.Content(
        $"""
        <!doctype html><html lang="{DashboardCulture.Current.HtmlLanguage}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(title)}: {WebUtility.HtmlEncode(node.Name)}</title><link rel="stylesheet" href="/dashboard.css"></head>
        <body><main class="narrow"><h1>{WebUtility.HtmlEncode(node.Name)}</h1>{body}</main></body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);

    private static string Token(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"""<input type="hidden" name="{tokens.FormFieldName}" value="{WebUtility.HtmlEncode(tokens.RequestToken)}">""";
    }

    private static string LocalOrDefault(string? returnUrl) => Dashboard.LocalPath.OrDefault(returnUrl, DefaultReturn);
}
