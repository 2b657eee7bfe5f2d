using System.Globalization;

namespace Dispatch.Node.Bench;

/// <summary>A node process's resident memory (VmRSS) and peak (VmHWM) from /proc, as one line of text.</summary>
internal sealed class NodeMemory(int? pid)
{
    public string Describe()
    {
        if (pid is null)
        {
            return "not sampled (no --node-pid)";
        }

        var status = File.ReadLines($"/proc/{pid}/status").ToList();
        long Kilobytes(string key) => status.Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault();
        return string.Create(CultureInfo.InvariantCulture, $"RSS {Kilobytes("VmRSS:") / 1024.0:F0} MiB (peak {Kilobytes("VmHWM:") / 1024.0:F0} MiB)");
    }
}
