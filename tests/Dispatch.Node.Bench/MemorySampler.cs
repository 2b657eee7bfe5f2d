using System.Globalization;

namespace Dispatch.Node.Bench;

/// <summary>A node's resident memory (VmRSS) once a second: the first, highest and last reading.</summary>
internal sealed class MemorySampler(int? pid)
{
    private long _first;
    private long _max;
    private long _last;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (pid is null)
        {
            return;
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                _last = Read(pid.Value);
                _first = _first == 0 ? _last : _first;
                _max = Math.Max(_max, _last);
                await Task.Delay(1000, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public string Describe(string mode) => pid is null
        ? $"{mode}: node memory not sampled (no --node-pid)"
        : string.Create(CultureInfo.InvariantCulture, $"{mode}: node resident memory max {_max / 1024.0:F0} MiB, last {_last / 1024.0:F0} MiB, first {_first / 1024.0:F0} MiB");

    /// <summary>The process's resident memory in KiB (VmRSS), 0 when it has none.</summary>
    public static long Read(int id)
    {
        foreach (var line in File.ReadLines($"/proc/{id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
