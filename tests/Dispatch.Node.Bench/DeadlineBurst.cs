using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Dispatch.Contracts.V1;

namespace Dispatch.Node.Bench;

/// <summary>
/// Deadlines at scale on a running node: reports <see cref="DeadlineBurstOptions.Count"/> cases evenly over
/// <see cref="DeadlineBurstOptions.Spread"/> in a category whose deadline the node is configured to make short
/// (so they all fall due within the same stretch, e.g. one minute), while a dispatcher watches the node's feed.
/// For each case it measures, on the wall clock, how long after its deadline the breach (CaseMarkedOverdue) and
/// the supervision order (CaseSupervised) were seen, and samples the node's resident memory throughout.
/// </summary>
internal static class DeadlineBurst
{
    /// <summary>A leaf category the deadline benchmark's node gives a short limit.</summary>
    public const string Category = "0505";

    public static async Task<int> RunAsync(DeadlineBurstOptions options)
    {
        using var worker = await NodeSession.SignInAsync(options.Address, "worker1", options.Password);
        using var dispatcher = await NodeSession.SignInAsync(options.Address, "dispatcher", options.Password);
        var due = new ConcurrentDictionary<string, DateTimeOffset>();
        var breachLag = new ConcurrentDictionary<string, TimeSpan>();
        var supervisedLag = new ConcurrentDictionary<string, TimeSpan>();
        var early = new ConcurrentQueue<(string CaseId, string Type, DateTimeOffset Seen)>();
        using var stop = new CancellationTokenSource();
        var memory = new MemorySampler(options.NodePid);
        var sampling = memory.RunAsync(stop.Token);

        var watching = Task.Run(async () =>
        {
            using var watch = dispatcher.Cases.WatchCases(new WatchCasesRequest { FromSequence = options.FromSequence }, dispatcher.Call.WithCancellationToken(stop.Token));
            try
            {
                while (await watch.ResponseStream.MoveNext(stop.Token))
                {
                    var notice = watch.ResponseStream.Current;
                    if (notice.Event.Type is not ("CaseMarkedOverdue" or "CaseSupervised"))
                    {
                        continue;
                    }

                    var seen = DateTimeOffset.UtcNow;
                    if (due.TryGetValue(notice.CaseId, out var at))
                    {
                        (notice.Event.Type == "CaseMarkedOverdue" ? breachLag : supervisedLag)[notice.CaseId] = seen - at;
                    }
                    else
                    {
                        early.Enqueue((notice.CaseId, notice.Event.Type, seen));
                    }
                }
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
            }
        });

        // Reports at an even pace over the spread, 8 callers.
        var started = Stopwatch.StartNew();
        var errors = 0;
        var next = -1;
        var interval = options.Spread / options.Count;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(caller => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < options.Count)
            {
                var wait = (interval * i) - started.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                try
                {
                    var response = await worker.Cases.ReportCaseAsync(new ReportCaseRequest
                    {
                        RequestId = $"burst-{options.FromSequence}-{i}",
                        Title = "Blocked drain after the rain",
                        CategoryCode = options.Category,
                        GridId = options.GridId,
                        Location = new Location { Latitude = 39.9, Longitude = 116.4, Address = "Lane 7" },
                        Whistle = WhistleClass.Daily,
                        HandlingMode = HandlingMode.Fast,
                    }, worker.Call);
                    due[response.Case.Id] = response.Case.DueAt.ToDateTimeOffset();
                }
                catch (Grpc.Core.RpcException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        var reportedIn = started.Elapsed;
        var lastDue = due.Values.DefaultIfEmpty(DateTimeOffset.UtcNow).Max();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"deadline-burst: reported {due.Count} cases ({errors} errors) in {reportedIn.TotalSeconds:F1} s; deadlines from {due.Values.Min():HH:mm:ss} to {lastDue:HH:mm:ss} UTC"));

        // Notices seen before the report's answer was (a very short limit) still count.
        foreach (var (caseId, type, seen) in early)
        {
            if (due.TryGetValue(caseId, out var at))
            {
                (type == "CaseMarkedOverdue" ? breachLag : supervisedLag).TryAdd(caseId, seen - at);
            }
        }

        if (options.ReportOnly)
        {
            await stop.CancelAsync();
            await Task.WhenAll(watching, sampling);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"deadline-burst: last deadline {lastDue:O}"));
            return errors == 0 ? 0 : 1;
        }

        var giveUp = lastDue + options.Wait;
        while (supervisedLag.Count < due.Count && DateTimeOffset.UtcNow < giveUp)
        {
            await Task.Delay(200);
        }

        await stop.CancelAsync();
        await Task.WhenAll(watching, sampling);
        var breach = new LatencySummary(breachLag.Values.Select(t => t.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond));
        var supervised = new LatencySummary(supervisedLag.Values.Select(t => t.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"deadline-burst: breaches seen {breachLag.Count}/{due.Count} ({breachLag.Values.Count(t => t < TimeSpan.Zero)} before the deadline), after the deadline p50 {LatencySummary.Format(breach.Milliseconds(0.5))} ms, p99 {LatencySummary.Format(breach.Milliseconds(0.99))} ms, max {LatencySummary.Format(breach.MaxMilliseconds)} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"deadline-burst: supervision orders seen {supervisedLag.Count}/{due.Count} ({supervisedLag.Values.Count(t => t < TimeSpan.Zero)} before the deadline), after the deadline p50 {LatencySummary.Format(supervised.Milliseconds(0.5))} ms, p99 {LatencySummary.Format(supervised.Milliseconds(0.99))} ms, max {LatencySummary.Format(supervised.MaxMilliseconds)} ms"));
        Console.WriteLine(memory.Describe("deadline-burst"));
        return supervisedLag.Count == due.Count && errors == 0 ? 0 : 1;
    }
}
