using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Dispatch.Testing.Browser;

namespace Dispatch.Node.Tests.Browser;

/// <summary><see cref="DashboardBrowsing"/> on a test node, signed in as its demo users.</summary>
public static class DashboardSteps
{
    public static void Open(this Chromium browser, NodeTestHost node, string path) => browser.Open(node.WebAddress, path);

    public static void SubmitSignIn(this Chromium browser, NodeTestHost node, string userName, string password = DemoDirectory.Password, string returnUrl = "/") =>
        browser.SubmitSignIn(node.WebAddress, userName, password, returnUrl);

    public static void SignIn(this Chromium browser, NodeTestHost node, string userName, string returnUrl = "/") =>
        browser.SignIn(node.WebAddress, userName, DemoDirectory.Password, returnUrl);

    public static void Visit(this Chromium browser, NodeTestHost node, string path) => browser.Visit(node.WebAddress, path);
}
