using System.Diagnostics;
using System.Globalization;

namespace Dispatch.Node.Bench;

/// <summary>
/// Drives escalations village -> town -> district at a fixed offered rate (open loop: each one starts at
/// its scheduled time whatever the others are doing), then waits for the last ones to reach the
/// district and prints the latency of each hop (<see cref="EscalationLatencyReport"/>).
/// </summary>
internal static class EscalationLatencyLoad
{
    // Past this many escalations still waiting for the village, new ones are shed (and counted):
    // the village is saturated and the schedule can no longer be kept.
    internal const int MaxInFlight = 2000;

    public static async Task<int> RunAsync(EscalationLatencyOptions options)
    {
        using var worker = await NodeSession.SignInAsync(options.Village, "worker1", options.Password);
        using var villageDispatcher = await NodeSession.SignInAsync(options.Village, "dispatcher", options.Password);
        using var townDispatcher = await NodeSession.SignInAsync(options.Town, "dispatcher", options.Password);
        using var districtDispatcher = await NodeSession.SignInAsync(options.District, "dispatcher", options.Password);
        var chain = new EscalationChain(worker, villageDispatcher, townDispatcher, "esc-" + Guid.NewGuid().ToString("N")[..12]);

        using var stop = new CancellationTokenSource();
        var watching = Task.WhenAll(
            new EscalationNotices(townDispatcher, options.VillageId, chain.OnTownArrival).RunAsync(stop.Token),
            new EscalationNotices(districtDispatcher, options.TownId, chain.OnDistrictArrival).RunAsync(stop.Token));

        var warmupCount = (int)(options.Warmup.TotalSeconds * options.Rate);
        var total = warmupCount + (int)(options.Duration.TotalSeconds * options.Rate);
        var items = new List<EscalationChainItem>(total);
        var flows = new List<Task>(total);
        var shed = 0;
        var cpu = new CpuSampler([.. options.Nodes.Select(node => node.Pid), Environment.ProcessId]);
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / options.Rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            if (i == warmupCount)
            {
                cpu.Start();
            }

            if (chain.InFlight >= MaxInFlight)
            {
                shed++;
                continue;
            }

            var item = new EscalationChainItem(due, measured: i >= warmupCount);
            var sequence = i;
            items.Add(item);
            flows.Add(Task.Run(() => chain.StartAsync(item, sequence)));
        }

        var windowEnded = Stopwatch.GetTimestamp();
        var cpuUse = cpu.Describe([.. options.Nodes.Select(node => node.Name), "bench"]);
        var backlog = items.Count(item => Volatile.Read(ref item.VillageEscalated) != 0 && Volatile.Read(ref item.TownSeen) == 0);
        await Task.WhenAll(flows);

        // Bounded wait for the tail: every escalation that left the village should reach the district.
        var drainUntil = Stopwatch.GetTimestamp() + (long)(options.Drain.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < drainUntil && items.Any(item => item.Error is null && Volatile.Read(ref item.DistrictSeen) == 0))
        {
            await Task.Delay(20);
        }

        var drained = Stopwatch.GetElapsedTime(windowEnded);
        await stop.CancelAsync();
        await watching;
        await chain.TownCallsAsync();

        var report = new EscalationLatencyReport(items, options, shed, backlog, drained);
        report.Print(Console.Out);
        Console.WriteLine($"escalate-latency: cpu (cores, measured window): {cpuUse}");
        return report.AllDelivered ? 0 : 1;
    }

    internal static string Ms(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
