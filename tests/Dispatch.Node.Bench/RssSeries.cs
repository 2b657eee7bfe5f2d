using System.Diagnostics;
using System.Globalization;

namespace Dispatch.Node.Bench;

/// <summary>
/// The resident memory of several node processes over a run: one sample of each every <paramref name="every"/>
/// (and one at the start), printed as it is taken, with the machine's load average beside it.
/// </summary>
internal sealed class RssSeries(IReadOnlyList<SoakNode> nodes, TimeSpan every)
{
    private readonly List<(TimeSpan At, long[] Kib, string Load)> _samples = [];
    private readonly long _started = Stopwatch.GetTimestamp();

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                Take();
                await Task.Delay(every, stop);
            }
        }
        catch (OperationCanceledException)
        {
            Take();
        }
    }

    /// <summary>A table: one row per sample, one column per node (MiB), then growth from the first sample after the warm-up.</summary>
    public IEnumerable<string> Describe(TimeSpan warmup)
    {
        var named = nodes.Where(n => n.Pid is not null).ToList();
        yield return $"| at | {string.Join(" | ", named.Select(n => n.Id + " MiB"))} | load (1/5/15 min) |";
        yield return $"|---|{string.Concat(named.Select(_ => "---|"))}---|";
        foreach (var (at, kib, load) in _samples)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"| {at.TotalSeconds:F0} s | {string.Join(" | ", kib.Select(Mib))} | {load} |");
        }

        var settled = _samples.FirstOrDefault(s => s.At >= warmup);
        if (settled.Kib is null || _samples.Count == 0)
        {
            yield break;
        }

        var last = _samples[^1];
        for (var i = 0; i < named.Count; i++)
        {
            var peak = _samples.Where(s => s.At >= warmup).Max(s => s.Kib[i]);
            yield return string.Create(CultureInfo.InvariantCulture,
                $"rss: {named[i].Id}: {Mib(settled.Kib[i])} MiB at {settled.At.TotalSeconds:F0} s (after the warm-up), {Mib(last.Kib[i])} MiB at the end " +
                $"({(last.Kib[i] - settled.Kib[i]) / 1024.0:+0;-0;0} MiB), peak after the warm-up {Mib(peak)} MiB");
        }
    }

    private void Take()
    {
        var kib = nodes.Where(n => n.Pid is not null).Select(n => Read(n.Pid!.Value)).ToArray();
        var load = string.Join('/', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        var at = Stopwatch.GetElapsedTime(_started);
        lock (_samples)
        {
            _samples.Add((at, kib, load));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rss +{at.TotalSeconds:F0} s: {string.Join(", ", nodes.Where(n => n.Pid is not null).Zip(kib, (n, k) => $"{n.Id} {Mib(k)} MiB"))}; load {load}"));
    }

    private static long Read(int pid)
    {
        try
        {
            return MemorySampler.Read(pid);
        }
        catch (IOException)
        {
            return 0; // the process is gone: shows as 0
        }
    }

    private static string Mib(long kib) => (kib / 1024.0).ToString("F0", CultureInfo.InvariantCulture);
}
