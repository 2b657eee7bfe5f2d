using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Dispatch.Fuzzing;

/// <summary>What a run saw: answers counted by kind and status and by RPC, every violation (grouped, with examples to reproduce), the store checks and memory readings.</summary>
public sealed class FuzzReport(int seed)
{
    private readonly ConcurrentDictionary<(FuzzKind Kind, string Label), long> _byKind = new();
    private readonly ConcurrentDictionary<(string Rpc, string Label), long> _byRpc = new();
    private readonly ConcurrentDictionary<(string Rule, string Rpc), Finding> _findings = new();
    private long _cases;

    public int Seed => seed;

    public long Cases => Interlocked.Read(ref _cases);

    public long BatchesChecked { get; set; }

    public long BatchesWithWrites { get; set; }

    public List<string> Memory { get; } = [];

    public IReadOnlyCollection<Finding> Findings => _findings.Values.ToList();

    public long Violations => _findings.Values.Sum(f => f.Count);

    public IReadOnlyDictionary<string, long> ByStatus =>
        _byKind.GroupBy(p => p.Key.Label).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));

    public IReadOnlyDictionary<string, long> StatusesOf(string rpc) =>
        _byRpc.Where(p => p.Key.Rpc == rpc).ToDictionary(p => p.Key.Label, p => p.Value);

    public void Record(FuzzCase fuzzCase, FuzzAnswer answer)
    {
        Interlocked.Increment(ref _cases);
        _byKind.AddOrUpdate((fuzzCase.Kind, answer.Label), 1, (_, n) => n + 1);
        _byRpc.AddOrUpdate((fuzzCase.Rpc.Name, answer.Label), 1, (_, n) => n + 1);
        if (FuzzJudge.Violation(fuzzCase, answer) is { } rule)
        {
            Violate(rule, fuzzCase.Rpc.Name, $"{fuzzCase.Describe()} -> {answer.Label} '{FramingAbuse.Shorten(answer.Message)}'");
        }
    }

    public void Violate(string rule, string rpc, string example)
    {
        var finding = _findings.GetOrAdd((rule, rpc), key => new Finding(key.Rule, key.Rpc));
        finding.Add(example);
    }

    public string Describe()
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"fuzz: seed {seed}, {Cases} cases, {Violations} violations, store checked after {BatchesChecked} batches ({BatchesWithWrites} batches had a write that may succeed)");
        text.AppendLine("answers: " + string.Join(", ", ByStatus.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}")));
        foreach (var kind in Enum.GetValues<FuzzKind>())
        {
            var counts = _byKind.Where(p => p.Key.Kind == kind).OrderByDescending(p => p.Value).Select(p => $"{p.Key.Label} {p.Value}");
            text.AppendLine(invariant, $"  {kind}: {string.Join(", ", counts)}");
        }

        foreach (var line in Memory)
        {
            text.AppendLine("memory: " + line);
        }

        foreach (var finding in _findings.Values.OrderBy(f => f.Rule, StringComparer.Ordinal).ThenBy(f => f.Rpc, StringComparer.Ordinal))
        {
            text.AppendLine(invariant, $"VIOLATION {finding.Rule} in {finding.Rpc}: {finding.Count} cases, e.g.");
            foreach (var example in finding.Examples)
            {
                text.AppendLine("    " + example);
            }
        }

        return text.ToString();
    }

    /// <summary>One rule broken by one RPC: how often, and the first few cases that did it.</summary>
    public sealed class Finding(string rule, string rpc)
    {
        private readonly List<string> _examples = [];
        private long _count;

        public string Rule => rule;

        public string Rpc => rpc;

        public long Count => Interlocked.Read(ref _count);

        public IReadOnlyList<string> Examples
        {
            get
            {
                lock (_examples)
                {
                    return [.. _examples];
                }
            }
        }

        public void Add(string example)
        {
            Interlocked.Increment(ref _count);
            lock (_examples)
            {
                if (_examples.Count < 3)
                {
                    _examples.Add(example);
                }
            }
        }
    }
}
