using System.Diagnostics;

namespace Dispatch.Node.Bench;

/// <summary>
/// A fixed rate of calls shared by a few callers (<see cref="ReportSchedule"/>), each call given its place in the run,
/// until the stop time: calls that fell behind (the node, or the machine, slower than the rate) are not made up after it.
/// </summary>
internal static class PacedCallers
{
    public static Task RunAsync(int rate, int callers, long stopAt, Func<long, Task> call)
    {
        var schedule = new ReportSchedule(Stopwatch.GetTimestamp(), rate);
        return Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (var (index, due) = schedule.TakeNextIndexed(); due < stopAt && Stopwatch.GetTimestamp() < stopAt; (index, due) = schedule.TakeNextIndexed())
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                await call(index);
            }
        })));
    }
}
