using System.Diagnostics;
using System.Globalization;
using Grpc.Core;

namespace Dispatch.Node.Bench;

/// <summary>
/// Measures the first page of ListCases for each filter: a few unmeasured calls, then
/// <see cref="ListOptions.Rounds"/> calls one at a time; prints p50/p99 and the page size per filter.
/// </summary>
internal static class ListLoad
{
    private const int WarmupCalls = 3;

    public static async Task<int> RunAsync(ListOptions options)
    {
        using var session = await NodeSession.SignInAsync(options.Address, options.User, options.Password);
        using var worker = await NodeSession.SignInAsync(options.Address, options.WorkerUser, options.Password);
        var filters = await ListFilters.DiscoverAsync(session);
        Console.WriteLine($"list: {options.Rounds} calls per filter after {WarmupCalls} unmeasured, one at a time, signed in as {options.User} (as {options.WorkerUser} where noted)");
        Console.WriteLine("list: | filter | p50 ms | p99 ms | max ms | rows |");
        var failed = 0;
        foreach (var filter in filters)
        {
            var caller = filter.AsGridWorker ? worker : session;
            try
            {
                var rows = 0;
                for (var i = 0; i < WarmupCalls; i++)
                {
                    rows = (await caller.Cases.ListCasesAsync(filter.Request, caller.Call)).Cases.Count;
                }

                var latencies = new List<long>(options.Rounds);
                for (var i = 0; i < options.Rounds; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await caller.Cases.ListCasesAsync(filter.Request, caller.Call);
                    latencies.Add(Stopwatch.GetTimestamp() - started);
                }

                var summary = new LatencySummary(latencies);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"list: | {filter.Name} | {LatencySummary.Format(summary.Milliseconds(0.50))} | {LatencySummary.Format(summary.Milliseconds(0.99))} | {LatencySummary.Format(summary.MaxMilliseconds)} | {rows} |"));
            }
            catch (RpcException error)
            {
                failed++;
                Console.WriteLine($"list: | {filter.Name} | failed: {error.Status.StatusCode} | | | |");
                Console.Error.WriteLine($"{filter.Name}: {error.Status}");
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
