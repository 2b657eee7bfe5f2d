namespace Dispatch.Grpc.Bench;

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

    public string GetText(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    public int GetInt(string name, int? fallback = null)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback ?? throw new ArgumentException($"--{name} is required");
        }

        return int.TryParse(text, out var value) && value > 0
            ? value
            : throw new ArgumentException($"--{name} must be a positive integer, not '{text}'");
    }

    public static int PrintUsage()
    {
        Console.Error.WriteLine("""
            usage:
              server --port P
              client --address http://127.0.0.1:P [--concurrency 16] [--duration 10] [--warmup 5] [--payload 14]
            """);
        return 2;
    }
}
