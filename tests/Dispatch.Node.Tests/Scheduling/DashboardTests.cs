using System.Net;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Scheduling;

/// <summary>
/// The Hangfire dashboard at /hangfire, over real HTTP on a real node's web port: read-only, for the node's
/// administrators and supervisors, signed in at /signin with their accounts or with an API bearer token.
/// </summary>
public sealed class DashboardTests() : NodeTestBase(StorageKind.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?>? NodeSettings { get; } = new Dictionary<string, string?>
    {
        ["Deadlines:Enabled"] = "true",
    };

    [Fact]
    public async Task NotSignedIn_BrowserSentToSignIn_OtherClientsGet401()
    {
        using var browser = Browser();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        page.Headers.Accept.ParseAdd("text/html");
        using var redirected = await browser.SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Equal("/signin", redirected.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fhangfire", redirected.Headers.Location.Query, StringComparison.Ordinal);

        using var api = await browser.GetAsync("/hangfire/recurring");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        using var forged = await WithBearer(browser, "not-a-token").GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task GridWorker_Refused_SignedInOrWithAToken()
    {
        using var browser = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, "worker1")).StatusCode);
        using var page = await browser.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);

        using var api = Browser();
        using var withToken = await WithBearer(api, await Node.LoginAsync("worker1")).GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Forbidden, withToken.StatusCode);
    }

    [Fact]
    public async Task Admin_SignedIn_SeesTheDashboardAndTheNodesJobs()
    {
        using var browser = Browser();
        using var signedIn = await SignInAsync(browser, "admin");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/hangfire", signedIn.Headers.Location!.OriginalString);

        using var home = await browser.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType!.MediaType);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("Test node: jobs", html, StringComparison.Ordinal);
        Assert.Contains("/hangfire/js", html, StringComparison.Ordinal);

        var recurring = await browser.GetStringAsync("/hangfire/recurring");
        Assert.Contains("deadlines-safety-sweep", recurring, StringComparison.Ordinal);
        Assert.Contains("Deadlines: safety sweep", recurring, StringComparison.Ordinal);

        // Read-only: no command buttons.
        Assert.DoesNotContain("js-jobs-list-command", recurring, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisor_WithTheApiToken_SeesTheDashboard()
    {
        using var client = Browser();
        using var page = await WithBearer(client, await Node.LoginAsync("supervisor")).GetAsync("/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("deadlines-safety-sweep", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_PostsToTheDashboard_Refused()
    {
        using var browser = Browser();
        await SignInAsync(browser, "admin");

        using var trigger = await browser.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = "deadlines-safety-sweep" }));
        Assert.Equal(HttpStatusCode.Forbidden, trigger.StatusCode);
        using var delete = await browser.PostAsync("/hangfire/recurring/remove", new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = "deadlines-safety-sweep" }));
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        using var stats = await browser.PostAsync("/hangfire/stats", new FormUrlEncodedContent(new Dictionary<string, string> { ["metrics[]"] = "enqueued:count" }));
        Assert.Equal(HttpStatusCode.Forbidden, stats.StatusCode);
        Assert.Contains("deadlines-safety-sweep", await browser.GetStringAsync("/hangfire/recurring"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrpcPort_DoesNotServeTheDashboardOrTheSignIn()
    {
        using var h2c = new HttpClient { BaseAddress = Node.Address, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var dashboard = await WithBearer(h2c, await Node.LoginAsync("admin")).GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.NotFound, dashboard.StatusCode);
        using var signIn = await h2c.GetAsync("/signin");
        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_OrWithoutTheFormToken_Refused()
    {
        using var browser = Browser();
        using var wrong = await SignInAsync(browser, "admin", "not-the-password");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("Wrong user name or password.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var forged = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "admin", ["password"] = DemoDirectory.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        page.Headers.Accept.ParseAdd("text/html");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SendAsync(page)).StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var browser = Browser();
        await SignInAsync(browser, "admin");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/hangfire")).StatusCode);

        var form = await browser.GetStringAsync("/signout");
        using var signedOut = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = FormToken(form) }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/hangfire")).StatusCode);
    }

    private HttpClient Browser() => WebPort.Open(Node);

    private static HttpClient WithBearer(HttpClient client, string token) => WebPort.WithBearer(client, token);

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password = DemoDirectory.Password) =>
        WebPort.SignInAsync(browser, userName, password, "/hangfire");

    private static string FormToken(string html) => WebPort.FormToken(html);
}
