using System.Globalization;
using Dispatch.Testing.Browser;
using OpenQA.Selenium;

namespace Dispatch.Node.Bench;

/// <summary>
/// Many dashboards open on one node (queue pages, as tabs of a few chromium processes) for a while, while something
/// (intake at <see cref="DashboardOptions.Rate"/> reports/s, <see cref="ReportLoad"/>) loads the node: at the end each must still be connected, error-free and
/// following the feed (rows changed while it was open). Samples the node's resident memory meanwhile.
/// </summary>
internal static class DashboardHold
{
    /// <summary>A dashboard in trouble: Blazor's error bar or its reconnect dialog shown, or the circuit gone.</summary>
    private const string Trouble = """
        const shown = e => e && getComputedStyle(e).display !== 'none' && e.offsetParent !== null;
        if (shown(document.getElementById('blazor-error-ui'))) return 'error bar';
        const reconnect = document.getElementById('components-reconnect-modal');
        if (reconnect && (reconnect.open || shown(reconnect))) return 'reconnecting';
        if (!document.querySelector('[data-interactive="true"]')) return 'not interactive';
        return null;
        """;

    public static async Task<int> RunAsync(DashboardOptions options)
    {
        var browsers = new List<Chromium>();
        try
        {
            var tabs = new List<(Chromium Browser, string Handle)>();
            for (var b = 0; b < options.Browsers; b++)
            {
                var browser = Chromium.Start($"bench-dashboard-hold-{b}");
                browsers.Add(browser);
                browser.SignIn(options.Site, options.User, options.Password);
                var count = options.Dashboards / options.Browsers + (b < options.Dashboards % options.Browsers ? 1 : 0);
                for (var t = 0; t < count; t++)
                {
                    if (t > 0)
                    {
                        browser.Driver.SwitchTo().NewWindow(WindowType.Tab);
                        browser.Visit(options.Site, "/");
                    }

                    browser.Script<object?>(DashboardLive.Watch);
                    tabs.Add((browser, browser.Driver.CurrentWindowHandle));
                }
            }

            Console.WriteLine($"dashboard-hold: {tabs.Count} dashboards open on {browsers.Count} chromium processes; holding {options.Duration.TotalSeconds:F0} s");
            var memory = new MemorySampler(options.NodePid);
            var warmup = TimeSpan.FromSeconds(5);
            int loadResult;
            using (var stop = new CancellationTokenSource(warmup + options.Duration))
            {
                var sampling = memory.RunAsync(stop.Token);
                loadResult = options.Rate is { } rate
                    ? await ReportLoad.RunAsync(new ReportOptions(options.Address, 64, options.Duration, warmup, "worker1", options.Password, ListFilters.GridId, options.NodePid, 1, rate))
                    : 0;
                await Task.WhenAll(sampling, Task.Delay(warmup + options.Duration));
            }

            var troubles = new List<string>();
            var updates = new List<int>();
            foreach (var (browser, handle) in tabs)
            {
                browser.Driver.SwitchTo().Window(handle);
                if (browser.Script<string?>(Trouble) is { } trouble)
                {
                    troubles.Add(trouble);
                }

                updates.Add(browser.Script<IReadOnlyDictionary<string, object>>("return window.__seen").Count);
            }

            var stale = updates.Count(u => u == 0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dashboard-hold: {tabs.Count} dashboards, {troubles.Count} in trouble ({string.Join(", ", troubles.GroupBy(t => t).Select(g => $"{g.Count()} {g.Key}"))}), " +
                $"{stale} without a live update; new rows seen per dashboard min {updates.Min()}, max {updates.Max()}"));
            Console.WriteLine(memory.Describe("dashboard-hold"));

            return troubles.Count == 0 && stale == 0 && loadResult == 0 ? 0 : 1;
        }
        finally
        {
            browsers.ForEach(b => b.Dispose());
        }
    }
}
