using System.Net;
using System.Security.Claims;
using Dispatch.Application.Errors;
using Dispatch.Application.SignIn;
using Dispatch.Node.Hosting;
using Dispatch.Node.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Web;

/// <summary>
/// The web port's sign-in: <c>GET /signin</c> shows a form, <c>POST /signin</c> (antiforgery checked) checks the
/// password with the same use case as <c>AuthService.Login</c> and sets the sign-in cookie; <c>/signout</c> clears it.
/// </summary>
internal static class SignInPage
{
    private const string DefaultReturn = "/";

    public static void MapSignIn(this WebApplication app, string host)
    {
        app.MapGet(WebSignIn.SignInPath, (HttpContext context, IAntiforgery antiforgery, IOptions<NodeOptions> node) =>
            Form(context, antiforgery, node.Value, LocalOrDefault(context.Request.Query["ReturnUrl"]), message: null)).RequireHost(host);
        app.MapPost(WebSignIn.SignInPath, SignInAsync).RequireHost(host);
        // Signed in (the user's) on both: an antiforgery token is bound to the user it was made for, and the
        // dashboard's sign-out form carries one made for the signed-in user. Anyone else goes to the sign-in page.
        app.MapGet(WebSignIn.SignOutPath, (HttpContext context, IAntiforgery antiforgery, IOptions<NodeOptions> node) =>
            Page(node.Value, "Sign out", $"""<form method="post" action="{WebSignIn.SignOutPath}">{Token(context, antiforgery)}<button>Sign out</button></form>""")).RequireHost(host).RequireAuthorization(WebSignIn.SignedIn);
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

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, PasswordSignIn signIn, IOptions<NodeOptions> node, TimeProvider clock)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest("The sign-in form is stale or was not sent from this node's page; load /signin again.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = LocalOrDefault(form["returnUrl"]);
        try
        {
            var user = await signIn.SignInAsync(new SignInCommand(form["userName"].ToString(), form["password"].ToString()), context.RequestAborted);
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
            return Form(context, antiforgery, node.Value, returnUrl, "Wrong user name or password.", StatusCodes.Status401Unauthorized);
        }
        catch (InvalidRequestException ex)
        {
            return Form(context, antiforgery, node.Value, returnUrl, ex.Message, StatusCodes.Status400BadRequest);
        }
    }

    private static IResult Form(HttpContext context, IAntiforgery antiforgery, NodeOptions node, string returnUrl, string? message, int status = StatusCodes.Status200OK)
    {
        var error = message is null ? "" : $"""<p role="alert">{WebUtility.HtmlEncode(message)}</p>""";
        var body = $"""
            {error}<form method="post" action="{WebSignIn.SignInPath}">{Token(context, antiforgery)}
            <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl)}">
            <p><label>User name <input name="userName" autocomplete="username" required maxlength="{PasswordSignIn.UserNameMaxLength}"></label></p>
            <p><label>Password <input type="password" name="password" autocomplete="current-password" required maxlength="{PasswordSignIn.PasswordMaxLength}"></label></p>
            <p><button>Sign in</button></p></form>
            """;
        return Page(node, "Sign in", body, status);
    }

    private static IResult Page(NodeOptions node, string title, string body, int status = StatusCodes.Status200OK) => Results.Content(
        $"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}: {WebUtility.HtmlEncode(node.Name)}</title></head>
        <body><h1>{WebUtility.HtmlEncode(node.Name)}</h1>{body}</body></html>
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
