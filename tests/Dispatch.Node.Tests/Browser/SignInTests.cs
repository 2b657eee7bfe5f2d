using Dispatch.Domain.Directory;
using Dispatch.Node.Dashboard;
using Dispatch.Testing.Browser;
using OpenQA.Selenium;

namespace Dispatch.Node.Tests.Browser;

/// <summary>Signing in and out of a node's dashboard in a real browser, as each demo role.</summary>
public sealed class SignInTests : BrowserTestBase
{
    [Theory]
    [InlineData("worker1", nameof(Role.GridWorker))]
    [InlineData("dispatcher", nameof(Role.Dispatcher))]
    [InlineData("sanitation", nameof(Role.DepartmentHandler))]
    [InlineData("supervisor", nameof(Role.Supervisor))]
    [InlineData("admin", nameof(Role.Admin))]
    public void SignIn_EachRole_LandsOnTheQueueWithTheRolesPagesInTheNavigation(string userName, string role) => Browse(browser =>
    {
        browser.SignIn(Node, userName);

        var expected = DashboardPages.For(Enum.Parse<Role>(role)).Select(p => (p.Path, p.Title)).ToList();
        Assert.Equal(expected, browser.Navigation());
        Assert.Equal(userName, browser.Find(By.CssSelector("header.top .user")).Text);
        Assert.Equal("Queue", browser.Find(By.TagName("h1")).Text);
    }, variant: userName);

    [Fact]
    public void SignIn_WrongPassword_ShowsTheMessageAndStaysOnTheSignInPage() => Browse(browser =>
    {
        browser.SubmitSignIn(Node, "dispatcher", "not-the-password");

        browser.WaitForText("Wrong user name or password.");
        Assert.Equal("/signin", new Uri(browser.Driver.Url).AbsolutePath);
        Assert.Empty(browser.FindAll(By.CssSelector("header.top")));

        browser.Open(Node, "/");
        browser.WaitForPath("/signin");
    });

    [Fact]
    public void SignOut_ReturnsToSignIn_AndTheDashboardThenSendsThere() => Browse(browser =>
    {
        browser.SignIn(Node, "dispatcher");

        browser.SignOut();
        browser.WaitForPath("/signin");
        browser.WaitForElement(By.Name("userName"), "the sign-in form");

        browser.Open(Node, "/?page=2");
        browser.WaitForPath("/signin");
        Assert.Contains("ReturnUrl=%2F%3Fpage%3D2", browser.Driver.Url, StringComparison.Ordinal);

        // Signing in again returns to the page that was asked for.
        browser.SignIn(Node, "dispatcher", "/?page=2");
    });

    [Fact]
    public void Session_AfterItsLifetimeOnTheNodesClock_SendsToSignIn() => Browse(browser =>
    {
        browser.SignIn(Node, "dispatcher");

        Node.Clock.Advance(TimeSpan.FromHours(7));
        browser.Visit(Node, "/");
        Node.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        browser.Open(Node, "/");
        browser.WaitForPath("/signin");
    });

    [Fact]
    public void Admin_HangfireDashboard_OpensFromTheSameSignIn() => Browse(browser =>
    {
        browser.SignIn(Node, "admin");

        browser.Open(Node, "/hangfire");
        browser.WaitForText("Test node: jobs");
        Assert.Equal("/hangfire", new Uri(browser.Driver.Url).AbsolutePath);
    });
}
