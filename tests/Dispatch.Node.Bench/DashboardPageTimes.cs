using Dispatch.Testing.Browser;

namespace Dispatch.Node.Bench;

/// <summary>
/// When a page's element first exists, in ms after navigation start (Navigation Timing's time origin): a script that
/// chromium runs at the start of every document watches the DOM from the first parsed byte on.
/// </summary>
internal static class DashboardPageTimes
{
    private const string Watch = """
        window.__benchTimes = {};
        new MutationObserver(() => {
          const t = performance.now();
          for (const [name, selector] of Object.entries(window.__benchSelectors || {})) {
            if (!(name in window.__benchTimes) && document.querySelector(selector)) window.__benchTimes[name] = t;
          }
        }).observe(document, { childList: true, subtree: true, attributes: true });
        """;

    /// <summary>Installs the watch for <paramref name="selectors"/> (name to CSS selector) on every later page.</summary>
    public static void Install(Chromium browser, IReadOnlyDictionary<string, string> selectors)
    {
        var list = string.Join(",", selectors.Select(s => $"{System.Text.Json.JsonSerializer.Serialize(s.Key)}: {System.Text.Json.JsonSerializer.Serialize(s.Value)}"));
        browser.RunOnEveryPage($"window.__benchSelectors = {{{list}}};\n{Watch}");
    }

    /// <summary>Opens <paramref name="address"/>, waits for every watched element and the circuit; the times in ms.</summary>
    public static IReadOnlyDictionary<string, double> Measure(Chromium browser, Uri address, int expected)
    {
        browser.Open(address);
        browser.WaitUntilInteractive();
        var times = browser.WaitFor(
            _ => browser.Script<IReadOnlyDictionary<string, object>>("return window.__benchTimes") is { } t && t.Count >= expected ? t : null,
            $"the watched elements of {address}");
        return times.ToDictionary(t => t.Key, t => Convert.ToDouble(t.Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
