using OpenQA.Selenium;

namespace Dispatch.Testing.Browser;

/// <summary>What a person does on any node's dashboard, given the node's web address: sign in and out, open a page.</summary>
public static class DashboardBrowsing
{
    /// <summary>The sign-in form's address (the node's <c>/signin</c>).</summary>
    public const string SignInPath = "/signin";

    /// <summary>Opens a page of the dashboard at <paramref name="site"/> (<paramref name="path"/> with its query).</summary>
    public static void Open(this Chromium browser, Uri site, string path) => browser.Open(new Uri(site, path));

    /// <summary>Fills in and sends the sign-in form, without waiting for where it leads.</summary>
    public static void SubmitSignIn(this Chromium browser, Uri site, string userName, string password, string returnUrl = "/")
    {
        browser.Open(site, $"{SignInPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        browser.WaitForElement(By.Name("userName"), "the sign-in form").SendKeys(userName);
        browser.Find(By.Name("password")).SendKeys(password);
        browser.Find(By.CssSelector("form button")).Click();
    }

    /// <summary>Signs in and waits until <paramref name="returnUrl"/>'s page is interactive.</summary>
    public static void SignIn(this Chromium browser, Uri site, string userName, string password, string returnUrl = "/")
    {
        browser.SubmitSignIn(site, userName, password, returnUrl);
        browser.WaitForPath(new Uri(site, returnUrl).AbsolutePath);
        browser.WaitUntilInteractive();
    }

    /// <summary>Opens a page and waits until its circuit is up.</summary>
    public static void Visit(this Chromium browser, Uri site, string path)
    {
        browser.Open(site, path);
        browser.WaitForPath(new Uri(site, path).AbsolutePath);
        browser.WaitUntilInteractive();
    }

    /// <summary>The header navigation's links, as (path, text).</summary>
    public static IReadOnlyList<(string Path, string Text)> Navigation(this Chromium browser) =>
        browser.FindAll(By.CssSelector("header.top nav a"))
            .Select(a => (new Uri(a.GetAttribute("href")!).AbsolutePath, a.Text.Trim()))
            .ToList();

    /// <summary>Sends the header's sign-out form.</summary>
    public static void SignOut(this Chromium browser) =>
        browser.Find(By.CssSelector("header.top form[action='/signout'] button")).Click();
}
