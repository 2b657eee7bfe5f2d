using System.Diagnostics;
using System.Globalization;

namespace Dispatch.Node.Bench;

/// <summary>
/// The soak of the three-tier platform (scripts/soak.sh): for the duration, reports with the closed loop,
/// escalations over every path, short deadlines breaching, lists and watches (<see cref="SoakVillage"/>,
/// <see cref="SoakTownRelay"/>, <see cref="SoakLists"/>, <see cref="SoakWatches"/>) on all four members at once,
/// while <see cref="RssSeries"/> samples each node's memory. Then the reckoning (<see cref="SoakReckoning"/>) and
/// a summary: errors by operation and status, throughput and latency per operation, memory over time, CPU.
/// Exits 0 only with no error and nothing lost, duplicated or early.
/// </summary>
internal static class SoakLoad
{
    public static async Task<int> RunAsync(SoakOptions options)
    {
        var runId = "soak-" + Guid.NewGuid().ToString("N")[..10];
        var byId = options.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var town = options.Nodes.Single(n => n.Tier == "Town");
        var district = options.Nodes.Single(n => n.Tier == "District");
        var villages = options.Nodes.Where(n => n.Tier == "Village").ToList();
        var sessions = new Dictionary<string, SoakSessions>(StringComparer.Ordinal);
        foreach (var node in options.Nodes)
        {
            sessions[node.Id] = await SoakSessions.SignInAsync(node.Address, options.Password);
        }

        var metrics = new SoakMetrics();
        var ledger = new SoakLedger();
        var relay = new SoakTownRelay(town, sessions[town.Id], metrics, ledger, district.Id);
        var pids = options.Nodes.Where(n => n.Pid is not null).ToList();
        var cpu = new CpuSampler([.. pids.Select(n => n.Pid!.Value), Environment.ProcessId]);
        var rss = new RssSeries(options.Nodes, options.Sample);
        using var stopWatching = new CancellationTokenSource();
        using var stopSampling = new CancellationTokenSource();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak: run {runId}, {options.Duration.TotalMinutes:F1} min: {options.ReportRate} reports/s per village ({villages.Count}), lists {options.ListRate}/s and " +
            $"{options.Watches} watches (+ churn) per node, deadline limit {options.DeadlineLimit.TotalSeconds:F0} s; memory every {options.Sample.TotalSeconds:F0} s"));

        cpu.Start();
        var sampling = rss.RunAsync(stopSampling.Token);
        var watching = options.Nodes.Select(node => new SoakWatches(node, sessions[node.Id], metrics, ledger, node == town ? relay.Observe : null)
            .RunAsync(options.Watches, stopWatching.Token)).Append(relay.RunAsync(stopWatching.Token)).ToList();
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var load = villages.Select(v => new SoakVillage(v, sessions[v.Id], metrics, ledger, runId, town.Id, district.Id).RunAsync(options.ReportRate, stopAt))
            .Concat(options.Nodes.Select(n => SoakLists.RunAsync(sessions[n.Id], metrics, options.ListRate, stopAt)));
        await Task.WhenAll(load);
        var loadTime = Stopwatch.GetElapsedTime(started);
        var stoppedAt = DateTimeOffset.UtcNow;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak: load stopped after {loadTime.TotalSeconds:F0} s; reckoning (at most {options.Drain.TotalSeconds:F0} s)"));

        // The feeds keep being watched while the relays drain: the last breaches and the town's last escalations arrive on them.
        var faults = await new SoakReckoning(sessions, ledger, runId, town.Id).RunAsync(stoppedAt, options.Drain);
        await stopWatching.CancelAsync();
        await Task.WhenAll(watching);
        var cpuUse = cpu.Describe([.. pids.Select(n => n.Id), "bench"]);
        await stopSampling.CancelAsync();
        await sampling;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak: throughput over the {loadTime.TotalSeconds:F0} s of load (watch rows: items, not timed):"));
        foreach (var line in metrics.DescribeThroughput(loadTime).Concat(metrics.DescribeErrors()).Concat(rss.Describe(Warmup(options.Duration))))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine($"cpu (cores, whole run): {cpuUse}");
        Console.WriteLine($"soak: errors={metrics.TotalErrors} lost-or-duplicated={faults}");
        foreach (var session in sessions.Values)
        {
            session.Dispose();
        }

        return metrics.TotalErrors == 0 && faults == 0 ? 0 : 1;
    }

    /// <summary>Memory is judged from the first sample after this: a fifth of the run, at most two minutes.</summary>
    public static TimeSpan Warmup(TimeSpan duration) => TimeSpan.FromTicks(Math.Min(duration.Ticks / 5, TimeSpan.FromMinutes(2).Ticks));
}
