namespace Dispatch.Fuzzing;

/// <summary>How a run goes: its seed and size, how many cases at once, the batch between store checks, and the deadlines.</summary>
public sealed record FuzzSettings(int Seed, long Cases, int Concurrency = 8, int BatchSize = 24)
{
    /// <summary>How long a case may wait for its answer before it counts as unanswered.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a server stream is read before the case lets go of it (abandons it).</summary>
    public TimeSpan StreamHold { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Read at the start, after every tenth of the run and at the end (the node's memory, in the benchmark).</summary>
    public Func<string>? Probe { get; init; }
}

/// <summary>
/// Runs the cases in batches against one node. After each batch the node must still answer its health check, and a
/// batch in which no call that can write succeeded must have left the store's fingerprint as it was.
/// </summary>
public static class FuzzRun
{
    private static readonly FuzzRequest HealthCheck = new("/grpc.health.v1.Health/Check", FuzzRequest.Frame([]), GrpcHeaders.ContentType, [new("te", "trailers")]);

    public static async Task<FuzzReport> RunAsync(
        Uri address, FuzzSession session, Func<CancellationToken, Task<string>> fingerprint, FuzzSettings settings, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var factory = new FuzzCaseFactory(settings.Seed, RpcCatalogue.All, session.Vocabulary, session.Credentials, now);
        var report = new FuzzReport(settings.Seed);
        using var sender = new FuzzSender(address, settings.Deadline, settings.StreamHold);
        var tenth = Math.Max(1, settings.Cases / 10);
        Sample(report, settings, "start");
        for (long start = 0; start < settings.Cases; start += settings.BatchSize)
        {
            var before = await fingerprint(cancellationToken);
            var numbers = Enumerable.Range(0, (int)Math.Min(settings.BatchSize, settings.Cases - start)).Select(i => start + i);
            var mayHaveWritten = false;
            var writers = new List<string>();
            await Parallel.ForEachAsync(
                numbers,
                new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
                async (number, token) =>
                {
                    var fuzzCase = factory.Create(number);
                    var answer = await sender.SendAsync(fuzzCase, token);
                    report.Record(fuzzCase, answer);
                    if (!fuzzCase.Rpc.ReadOnly)
                    {
                        lock (writers)
                        {
                            mayHaveWritten |= MayHaveWritten(answer);
                            writers.Add($"{fuzzCase.Describe()} -> {answer.Label}");
                        }
                    }
                });

            await CheckServingAsync(sender, report, start, cancellationToken);
            var after = await fingerprint(cancellationToken);
            if (mayHaveWritten)
            {
                report.BatchesWithWrites++;
            }
            else
            {
                report.BatchesChecked++;
                if (before != after)
                {
                    report.Violate("a refused call wrote", "batch", $"cases {start}..{start + settings.BatchSize - 1}: [{before}] -> [{after}]; calls that can write: {string.Join("; ", writers.Take(10))}");
                }
            }

            if ((start + settings.BatchSize) / tenth != start / tenth)
            {
                Sample(report, settings, $"{Math.Min(start + settings.BatchSize, settings.Cases)} cases");
            }
        }

        return report;
    }

    /// <summary>A write-capable call may have written when it succeeded, or when its deadline or cancellation raced the commit.</summary>
    private static bool MayHaveWritten(FuzzAnswer answer) => answer.Kind == AnswerKind.Status && answer.Code is 0 or 1 or 4;

    private static async Task CheckServingAsync(FuzzSender sender, FuzzReport report, long start, CancellationToken cancellationToken)
    {
        var health = await sender.SendAsync(HealthCheck, serverStreaming: false, cancellationToken);
        if (!health.IsOk)
        {
            report.Violate("the node stopped serving", "grpc.health.v1.Health.Check", $"after the batch from case {start}: {health.Label} '{health.Message}'");
        }
    }

    private static void Sample(FuzzReport report, FuzzSettings settings, string when)
    {
        if (settings.Probe is { } probe)
        {
            report.Memory.Add($"{when}: {probe()}");
        }
    }
}
