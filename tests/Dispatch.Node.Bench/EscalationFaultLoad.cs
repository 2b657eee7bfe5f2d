using System.Diagnostics;
using System.Globalization;
using Grpc.Core;

namespace Dispatch.Node.Bench;

/// <summary>
/// The generator of the fault run: <see cref="EscalationFaultOptions.Count"/> report + escalate pairs at
/// the village by a few concurrent callers, each retried through the village's restarts
/// (<see cref="EscalationRetryingCaller"/>). Prints "progress N" as it goes, so a script can time its
/// faults by progress, and the totals at the end; fails when any escalation gave up.
/// </summary>
internal static class EscalationFaultLoad
{
    public static async Task<int> RunAsync(EscalationFaultOptions options)
    {
        using var worker = await NodeSession.SignInAsync(options.Village, "worker1", options.Password);
        using var dispatcher = await NodeSession.SignInAsync(options.Village, "dispatcher", options.Password);
        var caller = new EscalationRetryingCaller(worker, dispatcher, options);
        var next = -1;
        var done = 0;
        var escalated = 0;
        var already = 0;
        var failed = 0;
        RpcException? firstFailure = null;
        var started = Stopwatch.GetTimestamp();
        var progressEvery = Math.Max(1, options.Count / 200);

        async Task CallerLoopAsync()
        {
            for (var index = Interlocked.Increment(ref next); index < options.Count; index = Interlocked.Increment(ref next))
            {
                try
                {
                    if (await caller.EscalateAsync(index).ConfigureAwait(false) == "escalated")
                    {
                        Interlocked.Increment(ref escalated);
                    }
                    else
                    {
                        Interlocked.Increment(ref already);
                    }
                }
                catch (RpcException error)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, error, null);
                }

                if (Interlocked.Increment(ref done) % progressEvery == 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"progress {Volatile.Read(ref done)}"));
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(CallerLoopAsync)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"escalate-faults: {escalated + already} of {options.Count} escalated at the village ({already} found already escalated by a retry), " +
            $"{failed} gave up; {caller.Retries} retried calls; {elapsed.TotalSeconds:F1} s, {options.Concurrency} concurrent callers"));
        if (caller.LastTransientError is { } transient)
        {
            Console.WriteLine($"escalate-faults: a retried error: {transient.Status}");
        }

        if (firstFailure is not null)
        {
            Console.Error.WriteLine($"escalate-faults: first failure: {firstFailure.Status}");
        }

        return failed == 0 ? 0 : 1;
    }
}
