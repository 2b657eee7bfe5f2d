using Dispatch.Testing.Browser;
using OpenQA.Selenium;

namespace Dispatch.Node.Tests.Browser;

/// <summary>The dashboard speaks the browser's language (Simplified Chinese or English) until the switch picks one.</summary>
public sealed class LanguageTests : BrowserTestBase
{
    [Fact]
    public void ChineseBrowser_GetsChineseTexts() => Browse(browser =>
    {
        browser.SignIn(Node, "dispatcher");

        Assert.Equal("zh-Hans", HtmlLanguage(browser));
        Assert.Equal("案件队列", browser.Find(By.TagName("h1")).Text);
        Assert.Contains(("/deadlines", "时限督办"), browser.Navigation());
        Assert.Equal("退出登录", browser.Find(By.CssSelector("header.top form button")).Text);
        Assert.Equal("English", SwitchButton(browser).Text);
    }, languages: "zh-CN,zh");

    [Fact]
    public void Switch_ChangesTheLanguage_AndIsRemembered() => Browse(browser =>
    {
        browser.SignIn(Node, "dispatcher", "/?page=2");
        Assert.Equal("en", HtmlLanguage(browser));
        Assert.Contains(("/", "Queue"), browser.Navigation());

        SwitchButton(browser).Click();
        browser.WaitFor(_ => HtmlLanguage(browser) == "zh-Hans", "the page in Chinese");
        browser.WaitFor(driver => driver.Url.EndsWith("/?page=2", StringComparison.Ordinal), "back at the same page");
        browser.WaitUntilInteractive();
        Assert.Contains(("/", "案件队列"), browser.Navigation());

        // Remembered over a new page load and a new sign-in, although the browser asks for English.
        browser.Visit(Node, "/");
        Assert.Equal("案件队列", browser.Find(By.TagName("h1")).Text);
        browser.SignOut();
        browser.WaitForPath("/signin");
        browser.SignIn(Node, "dispatcher");
        Assert.Equal("zh-Hans", HtmlLanguage(browser));

        SwitchButton(browser).Click();
        browser.WaitFor(_ => HtmlLanguage(browser) == "en", "the page in English");
        browser.WaitUntilInteractive();
        Assert.Equal("Queue", browser.Find(By.TagName("h1")).Text);
    });

    private static string HtmlLanguage(Chromium browser) => browser.Script<string>("return document.documentElement.lang");

    private static IWebElement SwitchButton(Chromium browser) => browser.Find(By.CssSelector("header.top .who button[lang]"));
}
