using Dispatch.Testing.Browser;
using OpenQA.Selenium;

namespace Dispatch.Node.Tests.Browser;

/// <summary>Steps on the queue and on a case's page (their data-test hooks).</summary>
public static class CasePageSteps
{
    /// <summary>The queue's row of the case numbered <paramref name="number"/>, once it is there.</summary>
    public static IWebElement WaitForRow(this Chromium browser, string number) =>
        browser.WaitForElement(By.CssSelector($"table[data-test='queue'] tr[data-case='{number}']"), $"the queue row of {number}");

    /// <summary>Waits until the case page shows <paramref name="status"/> (the status's name, any language).</summary>
    public static void WaitForStatus(this Chromium browser, string status) =>
        browser.WaitFor(driver => driver.FindElement(By.CssSelector("[data-test='status']")).GetAttribute("data-status") == status, $"the case {status}");

    /// <summary>Clicks an action's button (<c>data-test="action-…"</c>).</summary>
    public static void Act(this Chromium browser, string action) =>
        browser.WaitForElement(By.CssSelector($"[data-test='action-{action}']"), $"the {action} button").Click();

    /// <summary>Sends the open action's form.</summary>
    public static void Confirm(this Chromium browser) => browser.Find(By.CssSelector("[data-test='confirm']")).Click();

    /// <summary>The case's timeline entries, as event type names, oldest first.</summary>
    public static IReadOnlyList<string> Timeline(this Chromium browser) =>
        browser.FindAll(By.CssSelector("[data-test='timeline'] li[data-event]")).Select(e => e.GetAttribute("data-event")!).ToList();

    /// <summary>Waits for the page's refusal banner and returns its text.</summary>
    public static string WaitForRefusal(this Chromium browser) =>
        browser.WaitForElement(By.CssSelector("p.error[role='alert']"), "the refusal's message").Text;
}
