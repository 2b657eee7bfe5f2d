using System.Diagnostics;
using System.Globalization;
using Dispatch.Contracts.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Dispatch.Node.Bench;

/// <summary>
/// Many open WatchCases streams against one node: its resident memory before, while they are open (with reports
/// flowing, so every stream has something to read) and after they closed, and how long health checks take meanwhile.
/// </summary>
internal static class WatchHold
{
    public static async Task<int> RunAsync(WatchHoldOptions options)
    {
        using var session = await NodeSession.SignInAsync(options.Address, options.User, options.Password);
        using var reporter = await NodeSession.SignInAsync(options.Address, options.Reporter, options.Password);
        using var healthChannel = GrpcChannel.ForAddress(options.Address);
        var health = new Health.HealthClient(healthChannel);
        await HealthAsync(health);
        var before = Rss(options.NodePid);
        var healthBefore = await HealthTimesAsync(health, 10);

        using var streams = new CancellationTokenSource();
        var received = 0L;
        var opened = new List<Task>();
        for (var i = 0; i < options.Streams; i++)
        {
            var call = session.Cases.WatchCases(new WatchCasesRequest(), session.Call.WithCancellationToken(streams.Token));
            opened.Add(ReadAsync(call, () => Interlocked.Increment(ref received), streams.Token));
        }

        // Reports while the streams are open: each commit wakes every stream.
        var requests = new ReportRequests(ListFilters.GridId, Guid.NewGuid().ToString("N"));
        var openRss = new List<long>();
        var healthOpen = new List<long>();
        var clock = Stopwatch.StartNew();
        for (var second = 0; second < options.Hold.TotalSeconds; second++)
        {
            for (var i = 0; i < options.Rate; i++)
            {
                await reporter.Cases.ReportCaseAsync(requests.Next(0, (second * options.Rate) + i), reporter.Call);
            }

            healthOpen.AddRange(await HealthTimesAsync(health, 1));
            openRss.Add(Rss(options.NodePid));
            var wait = TimeSpan.FromSeconds(second + 1) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }

        var reported = (long)options.Hold.TotalSeconds * options.Rate;
        await streams.CancelAsync();
        await Task.WhenAll(opened);
        await Task.Delay(options.Settle);
        var after = Rss(options.NodePid);
        var healthAfter = await HealthTimesAsync(health, 10);

        var open = new LatencySummary(healthOpen);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            watch-hold: {options.Streams} WatchCases streams as {options.User}, {reported} reports over {options.Hold.TotalSeconds:F0} s while open, {Interlocked.Read(ref received)} notices received (expected {reported * options.Streams})
            node resident memory: before {before / 1024.0:F0} MiB, open max {openRss.DefaultIfEmpty().Max() / 1024.0:F0} MiB, {options.Settle.TotalSeconds:F0} s after closing {after / 1024.0:F0} MiB
            health check ms: before p50 {LatencySummary.Format(new LatencySummary(healthBefore).Milliseconds(0.5))}; while open p50 {LatencySummary.Format(open.Milliseconds(0.5))} max {LatencySummary.Format(open.MaxMilliseconds)} ({open.Count} checks); after p50 {LatencySummary.Format(new LatencySummary(healthAfter).Milliseconds(0.5))}
            """));
        return 0;
    }

    private static async Task ReadAsync(AsyncServerStreamingCall<WatchCasesResponse> call, Action onNotice, CancellationToken closing)
    {
        using (call)
        {
            try
            {
                await foreach (var _ in call.ResponseStream.ReadAllAsync())
                {
                    onNotice();
                }
            }
            catch (RpcException) when (closing.IsCancellationRequested)
            {
                // Cancelled; or the connection reset, when the server takes a thousand stream resets at once for an attack.
            }
        }
    }

    private static async Task<List<long>> HealthTimesAsync(Health.HealthClient health, int count)
    {
        var times = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await HealthAsync(health);
            times.Add(Stopwatch.GetTimestamp() - start);
        }

        return times;
    }

    private static async Task HealthAsync(Health.HealthClient health)
    {
        var reply = await health.CheckAsync(new HealthCheckRequest());
        if (reply.Status != HealthCheckResponse.Types.ServingStatus.Serving)
        {
            throw new InvalidOperationException($"health: {reply.Status}");
        }
    }

    private static long Rss(int? pid)
    {
        if (pid is null)
        {
            return 0;
        }

        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
