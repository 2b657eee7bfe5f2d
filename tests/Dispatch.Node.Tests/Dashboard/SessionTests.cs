using System.Net;
using System.Security.Claims;
using Dispatch.Node.Dashboard;
using Dispatch.Node.Security;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>The dashboard's sign-in over real HTTP: the cookie, its expiry on the node's clock, sign-out, the language.</summary>
public sealed class SessionTests() : NodeTestBase(StorageKind.Sqlite)
{
    [Fact]
    public async Task NotSignedIn_DashboardRedirectsToSignIn()
    {
        using var browser = WebPort.Open(Node);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/directory");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fdirectory", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedIn_DashboardRenders_UntilTheSignInExpiresOnTheNodesClock()
    {
        using var browser = WebPort.Open(Node);
        using var signedIn = await WebPort.SignInAsync(browser, "dispatcher");
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        using var page = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1>Queue</h1>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Node.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromSeconds(1));
        using var expired = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var browser = WebPort.Open(Node);
        await WebPort.SignInAsync(browser, "dispatcher");
        var signOutPage = await browser.GetStringAsync("/signout");
        using var signedOut = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebPort.FormToken(signOutPage),
        }));
        Assert.Equal("/signin", signedOut.Headers.Location!.OriginalString);
        using var page = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
    }

    [Theory]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans", "案件队列")]
    [InlineData("zh-TW", "zh-Hans", "案件队列")]
    [InlineData("en-GB,zh;q=0.5", "en", "Queue")]
    [InlineData("fr-FR", "en", "Queue")]
    public async Task Language_FollowsTheBrowser(string acceptLanguage, string htmlLanguage, string heading)
    {
        using var browser = WebPort.Open(Node);
        await WebPort.SignInAsync(browser, "dispatcher");
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        var html = await browser.GetStringAsync("/");
        Assert.Contains($"<html lang=\"{htmlLanguage}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_IsRememberedOverTheBrowsersLanguage_AndOnlyReturnsToThisNode()
    {
        using var browser = WebPort.Open(Node);
        await WebPort.SignInAsync(browser, "dispatcher");
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        using var switched = await browser.GetAsync("/language?to=zh&returnUrl=%2Fdirectory");
        Assert.Equal("/directory", switched.Headers.Location!.OriginalString);
        Assert.Contains("<h1>案件队列</h1>", await browser.GetStringAsync("/"), StringComparison.Ordinal);

        using var elsewhere = await browser.GetAsync("/language?to=en&returnUrl=https%3A%2F%2Fexample.com%2F");
        Assert.Equal("/", elsewhere.Headers.Location!.OriginalString);
        using var unknown = await browser.GetAsync("/language?to=fr");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public void OpenCircuit_SignInIsCurrentUntilItsExpiry()
    {
        var expires = new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(TokenClaims.Expires, expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))], WebSignIn.Cookie));
        Assert.True(SessionRevalidation.IsCurrent(user, expires.AddSeconds(-1)));
        Assert.False(SessionRevalidation.IsCurrent(user, expires));
        Assert.False(SessionRevalidation.IsCurrent(new ClaimsPrincipal(new ClaimsIdentity([], WebSignIn.Cookie)), expires.AddDays(-1)));
    }
}
