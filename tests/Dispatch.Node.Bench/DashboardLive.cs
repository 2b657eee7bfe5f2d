using System.Diagnostics;
using System.Globalization;
using Dispatch.Testing.Browser;

namespace Dispatch.Node.Bench;

/// <summary>
/// Cases reported over gRPC, one at a time, while a queue page is open: how long after each call was sent its row
/// (<c>data-case</c> = the case's number) was in the page, on the machine's wall clock (browser and bench share it).
/// </summary>
internal static class DashboardLive
{
    /// <summary>Notes when each case number first shows in a row: a new row, or a row Blazor reused for it.</summary>
    public const string Watch = """
        window.__seen = {};
        const note = (row, t) => { const n = row.getAttribute('data-case'); if (n && !(n in window.__seen)) window.__seen[n] = t; };
        new MutationObserver(changes => {
          const t = Date.now();
          for (const c of changes) {
            if (c.type === 'attributes') { if (c.target.matches('tr[data-case]')) note(c.target, t); continue; }
            for (const n of c.addedNodes) {
              if (n.nodeType !== 1) continue;
              if (n.matches('tr[data-case]')) note(n, t);
              n.querySelectorAll('tr[data-case]').forEach(r => note(r, t));
            }
          }
        }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-case'] });
        """;

    public static async Task<int> RunAsync(DashboardOptions options)
    {
        using var browser = Chromium.Start("bench-dashboard-live");
        browser.SignIn(options.Site, options.User, options.Password);
        browser.Script<object?>(Watch);

        using var session = await NodeSession.SignInAsync(options.Address, "worker1", options.Password);
        var requests = new ReportRequests(ListFilters.GridId, "live-" + Guid.NewGuid().ToString("N")[..8]);
        var sent = new Dictionary<string, long>();
        for (var i = 0; i < options.Reports; i++)
        {
            var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var reported = await session.Cases.ReportCaseAsync(requests.Next(0, i), session.Call);
            sent[reported.Case.Number] = at;

            // One report at a time, a little apart: each row's own latency, not a queue of them.
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        var seen = new Dictionary<string, long>();
        try
        {
            browser.WaitFor(_ => Seen(browser, seen, sent) == sent.Count, "every reported case's row");
        }
        catch (OpenQA.Selenium.WebDriverTimeoutException)
        {
        }

        var latencies = new LatencySummary(seen.Select(s => (s.Value - sent[s.Key]) * Stopwatch.Frequency / 1000));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dashboard-live: {seen.Count}/{sent.Count} reports seen on the open queue page, p50 {LatencySummary.Format(latencies.Milliseconds(0.5))} ms, " +
            $"p90 {LatencySummary.Format(latencies.Milliseconds(0.9))} ms, p99 {LatencySummary.Format(latencies.Milliseconds(0.99))} ms, max {LatencySummary.Format(latencies.MaxMilliseconds)} ms (call sent to row in the page)"));
        return seen.Count == sent.Count ? 0 : 1;
    }

    private static int Seen(Chromium browser, Dictionary<string, long> seen, Dictionary<string, long> sent)
    {
        foreach (var (number, at) in browser.Script<IReadOnlyDictionary<string, object>>("return window.__seen"))
        {
            if (sent.ContainsKey(number))
            {
                seen[number] = Convert.ToInt64(at, CultureInfo.InvariantCulture);
            }
        }

        return seen.Count;
    }
}
