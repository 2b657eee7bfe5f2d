using Dispatch.Testing.Browser;
using OpenQA.Selenium;

namespace Dispatch.Node.Tests.Browser;

/// <summary>A grid worker's phone-sized screen: the header and its navigation fit and work.</summary>
public sealed class PhoneTests : BrowserTestBase
{
    [Fact]
    public void Phone_NavigationFitsTheScreen_AndNavigates() => Browse(browser =>
    {
        browser.SignIn(Node, "worker1", "/?page=2");

        var width = browser.Script<long>("return window.innerWidth");
        Assert.True(width <= BrowserSize.Phone375.Width, $"window {width} px wide");
        Assert.True(browser.Script<long>("return document.documentElement.scrollWidth") <= width, "the page scrolls sideways");
        var links = browser.FindAll(By.CssSelector("header.top nav a"));
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            Assert.True(link.Displayed, $"{link.Text} is hidden");
            Assert.True(link.Location.X >= 0 && link.Location.X + link.Size.Width <= width, $"{link.Text} is off the screen");
        }

        Assert.True(browser.Find(By.CssSelector("header.top form button")).Displayed, "sign-out is hidden");

        var queue = links.Single(l => new Uri(l.GetAttribute("href")!).AbsolutePath == "/");
        queue.Click();
        browser.WaitFor(driver => new Uri(driver.Url).PathAndQuery == "/", "the queue's own address");
        browser.WaitFor(driver => driver.FindElement(By.CssSelector("header.top nav a.active")).Text == "Queue", "the queue entry marked current");
    }, BrowserSize.Phone375);
}
