using System.Diagnostics;

namespace Dispatch.Node.Bench;

/// <summary>
/// A fixed offered rate shared by all callers: call <c>n</c> of the run is due at <c>start + n / rate</c>, and a
/// caller that is free takes the next due call. When every caller is still waiting for the node, due calls pile
/// up, and each one's latency then counts from when it was due, not from when a caller got to it (the load
/// generator must not hide the node's queue by slowing down with it).
/// </summary>
internal sealed class ReportSchedule(long start, int rate)
{
    private long _next = -1;

    public int Rate => rate;

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the next untaken call is due.</summary>
    public long TakeNext() => TakeNextIndexed().Due;

    /// <summary>The next untaken call: its place in the run (0, 1, ...) and its due timestamp.</summary>
    public (long Index, long Due) TakeNextIndexed()
    {
        var index = Interlocked.Increment(ref _next);
        return (index, start + (long)(index * (double)Stopwatch.Frequency / rate));
    }
}
