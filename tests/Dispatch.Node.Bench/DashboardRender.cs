using System.Diagnostics;
using System.Globalization;
using Dispatch.Testing.Browser;
using OpenQA.Selenium;

namespace Dispatch.Node.Bench;

/// <summary>
/// First render of the queue page and of a case's page in a fresh load each round: navigation start to the first
/// queue row (or the case page's hook) in the DOM, and to the page being interactive (its circuit up).
/// </summary>
internal static class DashboardRender
{
    public static Task<int> RunAsync(DashboardOptions options)
    {
        using var browser = Chromium.Start("bench-dashboard-render");
        browser.SignIn(options.Site, options.User, options.Password);
        DashboardPageTimes.Install(browser, new Dictionary<string, string> { ["row"] = options.RowSelector, ["ready"] = "[data-interactive=\"true\"]" });
        var queue = Rounds(browser, new Uri(options.Site, "/"), options.Rounds);
        Print("queue page", queue, options.Rounds);

        var link = browser.Find(By.CssSelector($"{options.RowSelector} a")).GetAttribute("href")!;
        DashboardPageTimes.Install(browser, new Dictionary<string, string> { ["row"] = options.DetailSelector, ["ready"] = "[data-interactive=\"true\"]" });
        var detail = Rounds(browser, new Uri(link), options.Rounds);
        Print("case page", detail, options.Rounds);
        return Task.FromResult(0);
    }

    private static List<IReadOnlyDictionary<string, double>> Rounds(Chromium browser, Uri address, int rounds) =>
        Enumerable.Range(0, rounds + 1).Select(_ => DashboardPageTimes.Measure(browser, address, 2)).ToList();

    /// <summary>The first round (cold: the node's first query of that kind) apart; percentiles over the rest.</summary>
    private static void Print(string page, List<IReadOnlyDictionary<string, double>> times, int rounds)
    {
        foreach (var (name, what) in new[] { ("row", "content"), ("ready", "interactive") })
        {
            var warm = new LatencySummary(times.Skip(1).Select(t => (long)(t[name] * Stopwatch.Frequency / 1000)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dashboard-render: {page} {what}: p50 {LatencySummary.Format(warm.Milliseconds(0.5))} ms, p90 {LatencySummary.Format(warm.Milliseconds(0.9))} ms, " +
                $"max {LatencySummary.Format(warm.MaxMilliseconds)} ms over {rounds} loads; first load {times[0][name]:F0} ms"));
        }
    }
}
