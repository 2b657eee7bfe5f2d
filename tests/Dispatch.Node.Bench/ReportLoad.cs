using System.Diagnostics;
using System.Globalization;
using Grpc.Core;

namespace Dispatch.Node.Bench;

/// <summary>
/// Signs in as a grid worker and runs concurrent ReportCase callers for a warm-up and then a measured
/// window; prints calls/s, latency percentiles, errors and where the CPU went during the window. Without a
/// rate the callers go back to back (closed loop: the node's most calls/s, its queue in the latencies); with one
/// they share a schedule of that many calls/s (<see cref="ReportSchedule"/>: the latency at that rate).
/// </summary>
internal static class ReportLoad
{
    public static async Task<int> RunAsync(ReportOptions options)
    {
        using var session = await NodeSession.SignInAsync(options.Address, options.User, options.Password);
        var runId = "bench-" + Guid.NewGuid().ToString("N")[..12];
        var requests = new ReportRequests(options.GridId, runId);
        try
        {
            await session.Cases.ReportCaseAsync(requests.Next(-1, 0), session.Call);
        }
        catch (RpcException error)
        {
            Console.Error.WriteLine($"the first report to {options.Address} failed: {error.Status}");
            return 1;
        }

        var sessions = new List<NodeSession> { session };
        for (var i = 1; i < Math.Clamp(options.Connections, 1, options.Concurrency); i++)
        {
            sessions.Add(session.OnOwnConnection(options.Address));
        }

        using var extra = new Disposables(sessions.Skip(1));
        var measureFrom = Stopwatch.GetTimestamp() + Ticks(options.Warmup);
        var stopAt = measureFrom + Ticks(options.Duration);
        var schedule = options.Rate is { } offered ? new ReportSchedule(Stopwatch.GetTimestamp(), offered) : null;
        var workers = Enumerable.Range(0, options.Concurrency)
            .Select(caller => new ReportWorker(sessions[caller % sessions.Count], requests, caller, measureFrom, stopAt, schedule))
            .ToArray();
        var running = workers.Select(worker => Task.Run(worker.RunAsync)).ToArray();

        List<int> pids = [Environment.ProcessId];
        List<string> names = ["bench"];
        if (options.NodePid is { } nodePid)
        {
            pids.Insert(0, nodePid);
            names.Insert(0, "node");
        }

        var cpu = new CpuSampler(pids);
        await Task.Delay(options.Warmup);
        cpu.Start();
        await Task.WhenAll(running);
        var measured = Stopwatch.GetElapsedTime(measureFrom);
        var cpuUse = cpu.Describe(names);

        var latencies = new LatencySummary(workers.SelectMany(worker => worker.Latencies));
        var errors = workers.Sum(worker => worker.Errors);
        var rate = latencies.Count / measured.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"report: {rate:F0} calls/s, p50 {LatencySummary.Format(latencies.Milliseconds(0.50))} ms, " +
            $"p90 {LatencySummary.Format(latencies.Milliseconds(0.90))} ms, p99 {LatencySummary.Format(latencies.Milliseconds(0.99))} ms, " +
            $"max {LatencySummary.Format(latencies.MaxMilliseconds)} ms, {errors} errors " +
            $"({options.Concurrency} concurrent callers on {sessions.Count} connection(s), {Pacing(schedule)}, " +
            $"{options.Duration.TotalSeconds:F0} s after {options.Warmup.TotalSeconds:F0} s warm-up, {latencies.Count} calls)"));
        Console.WriteLine($"cpu (cores, measured window): {cpuUse}");
        if (workers.Select(worker => worker.FirstError).FirstOrDefault(error => error is not null) is { } first)
        {
            Console.Error.WriteLine($"first error: {first.Status}");
        }

        return errors == 0 && latencies.Count > 0 ? 0 : 1;
    }

    private sealed class Disposables(IEnumerable<IDisposable> items) : IDisposable
    {
        private readonly List<IDisposable> _items = [.. items];

        public void Dispose() => _items.ForEach(item => item.Dispose());
    }

    private static string Pacing(ReportSchedule? schedule) =>
        schedule is null
            ? "back to back"
            : string.Create(CultureInfo.InvariantCulture, $"offered {schedule.Rate}/s, latency from each call's due time");

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
