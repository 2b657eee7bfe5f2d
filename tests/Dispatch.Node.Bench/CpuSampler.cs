using System.Globalization;

namespace Dispatch.Node.Bench;

/// <summary>
/// CPU time from /proc (Linux): the whole machine (busy and iowait, in cores), single processes and all
/// PostgreSQL server processes together, so a run can say where its CPU went. Figures are averages over
/// the window between two samples; "others" is what the machine spent outside the named processes.
/// </summary>
internal sealed class CpuSampler(IReadOnlyList<int> pids)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    private (long Busy, long IoWait, long Total) _machine;
    private long[] _processes = [];
    private Dictionary<int, long> _postgres = [];
    private DateTime _startedAt;

    public void Start()
    {
        _startedAt = DateTime.UtcNow;
        _machine = ReadMachine();
        _processes = pids.Select(ReadProcess).ToArray();
        _postgres = ReadPostgres();
    }

    /// <summary>"machine 1.85 cores busy, 0.02 iowait; node 1.10; bench 0.40" over the window since <see cref="Start"/>.</summary>
    public string Describe(IReadOnlyList<string> names)
    {
        var seconds = (DateTime.UtcNow - _startedAt).TotalSeconds;
        var machine = ReadMachine();
        var cores = (double)Environment.ProcessorCount;
        var total = Math.Max(1, machine.Total - _machine.Total);
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"machine {cores * (machine.Busy - _machine.Busy) / total:F2} of {cores:F0} cores busy, {cores * (machine.IoWait - _machine.IoWait) / total:F2} iowait"),
        };
        var named = 0.0;
        for (var i = 0; i < pids.Count; i++)
        {
            var used = (ReadProcess(pids[i]) - _processes[i]) / TicksPerSecond / seconds;
            named += used;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{names[i]} {used:F2}"));
        }

        // Server processes that lived through the window (a pooled connection's backend does).
        var postgres = ReadPostgres().Sum(p => _postgres.TryGetValue(p.Key, out var before) ? p.Value - before : 0) / TicksPerSecond / seconds;
        if (postgres > 0)
        {
            named += postgres;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"postgres {postgres:F2}"));
        }

        var busy = cores * (machine.Busy - _machine.Busy) / total;
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"others {Math.Max(0, busy - named):F2}"));
        return string.Join("; ", parts);
    }

    private static Dictionary<int, long> ReadPostgres()
    {
        var found = new Dictionary<int, long>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsPostgres(folder))
            {
                found[pid] = ReadProcess(pid);
            }
        }

        return found;
    }

    private static bool IsPostgres(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, "comm")).Trim() == "postgres";
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static (long Busy, long IoWait, long Total) ReadMachine()
    {
        // cpu  user nice system idle iowait irq softirq steal ...
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3];
        var ioWait = fields[4];
        return (total - idle - ioWait, ioWait, total);
    }

    private static long ReadProcess(int pid)
    {
        try
        {
            // Fields after the command name (which may hold spaces): state is the 3rd field, utime the 14th, stime the 15th.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
