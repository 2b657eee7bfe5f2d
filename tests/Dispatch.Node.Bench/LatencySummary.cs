using System.Diagnostics;
using System.Globalization;

namespace Dispatch.Node.Bench;

/// <summary>Percentiles of a set of latencies measured in <see cref="Stopwatch"/> ticks.</summary>
internal sealed class LatencySummary
{
    private readonly long[] _sorted;

    public LatencySummary(IEnumerable<long> ticks)
    {
        _sorted = ticks.Order().ToArray();
    }

    public int Count => _sorted.Length;

    /// <summary>The smallest latency that at least <paramref name="quantile"/> of the calls did not exceed, in ms.</summary>
    public double Milliseconds(double quantile) =>
        _sorted.Length == 0
            ? double.NaN
            : ToMilliseconds(_sorted[Math.Max(0, (int)Math.Ceiling(quantile * _sorted.Length) - 1)]);

    public double MaxMilliseconds => _sorted.Length == 0 ? double.NaN : ToMilliseconds(_sorted[^1]);

    public static string Format(double milliseconds) => milliseconds.ToString("F2", CultureInfo.InvariantCulture);

    private static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
