using System.Globalization;

namespace Dispatch.Node.Bench;

/// <summary>The command line: a mode followed by <c>--name value</c> pairs.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values;

    private BenchArguments(string mode, Dictionary<string, string> values)
    {
        Mode = mode;
        _values = values;
    }

    public string Mode { get; }

    public static BenchArguments? Parse(string[] args)
    {
        if (args.Length == 0 || args.Length % 2 == 0)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        return new BenchArguments(args[0], values);
    }

    public string GetText(string name, string? fallback = null) =>
        _values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required");

    public int GetInt(string name, int? fallback = null)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback ?? throw new ArgumentException($"--{name} is required");
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"--{name} must be a positive integer, not '{text}'");
    }

    /// <summary>A positive integer if given (an empty value counts as not given), else null.</summary>
    public int? GetOptionalInt(string name) =>
        _values.TryGetValue(name, out var text) && text.Length > 0 ? GetInt(name) : null;

    public TimeSpan GetSeconds(string name, int fallback) => TimeSpan.FromSeconds(GetInt(name, fallback));

    /// <summary>"village:123,town:456" as (name, process id) pairs; empty for none.</summary>
    public static IReadOnlyList<(string Name, int Pid)> ParseNodes(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split(':') is [var name, var pid] && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? (name, id)
                : throw new ArgumentException($"--nodes wants name:pid pairs, not '{pair}'"))
            .ToList();

    public static int PrintUsage()
    {
        Console.Error.WriteLine("""
            usage:
              report --address http://127.0.0.1:P [--concurrency 64] [--connections 1] [--rate R] [--duration 20] [--warmup 5]
                     [--user worker1] [--password dispatch-demo] [--node-pid PID]
              list   --address http://127.0.0.1:P [--rounds 30] [--user dispatcher] [--worker worker1] [--password dispatch-demo]
              fill   --provider Sqlite|Postgres --connection "<connection string>" --cases N [--open-ahead yes]
              deadline-burst --address http://127.0.0.1:P [--count 10000] [--spread 60] [--category 0505] [--from-sequence S] [--node-pid PID] [--wait 120] [--report-only yes]
              escalate-latency [--village URL] [--town URL] [--district URL] [--rate 100] [--duration 30] [--warmup 5] [--drain 30]
                               [--nodes village:PID,town:PID,district:PID]
              escalate-faults  --run-id ID [--village URL] [--count 10000] [--concurrency 16] [--call-timeout 10] [--give-up-after 300]
              fuzz   --address http://127.0.0.1:P --connection "<node's connection string>" --child-key BASE64 [--provider Sqlite]
                     [--node-id local] [--child-id fuzz-child] [--seed 1] [--cases 100000] [--concurrency 8] [--node-pid PID]
              dashboard-render --site http://127.0.0.1:W --address http://127.0.0.1:P [--rounds 20] [--row CSS] [--detail CSS] [--user dispatcher]
              dashboard-live   --site http://127.0.0.1:W --address http://127.0.0.1:P [--reports 200]
              dashboard-hold   --site http://127.0.0.1:W --address http://127.0.0.1:P [--dashboards 50] [--browsers 5] [--duration 60] [--rate 1000] [--node-pid PID]
              watch-hold --address http://127.0.0.1:P [--streams 1000] [--hold 20] [--rate 20] [--settle 10] [--user dispatcher] [--reporter worker1] [--node-pid PID]
              dashboard-tour   [--out docs/dashboard]   (the README's screenshots, against scripts/run.sh on its default ports)
              soak   [--port-offset 0] [--nodes district:PID,town:PID,village-a:PID,village-b:PID] [--duration 600] [--rate 10] [--list-rate 2]
                     [--watches 3] [--deadline-limit 60] [--sample 30] [--drain 120]   (the platform under mixed load: scripts/soak.sh)
              escalate-count   --run-id ID [--village URL] [--town URL] [--village-id village-a] [--expected 10000] [--drain-timeout 300]
            """);
        return 2;
    }
}
