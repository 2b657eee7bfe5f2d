using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;

namespace Dispatch.Node.Bench;

/// <summary>Every call of the soak by operation: how many answered, their latencies, and the errors by status code.</summary>
internal sealed class SoakMetrics
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<long>> _latencies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Operation, StatusCode Status), int> _errors = new();
    private readonly ConcurrentDictionary<StatusCode, string> _firstMessage = new();

    /// <summary>Runs one call; returns its answer, or null when it failed with a status (counted under the operation).</summary>
    public async Task<T?> CallAsync<T>(string operation, Func<Task<T>> call)
        where T : class
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call().ConfigureAwait(false);
            _latencies.GetOrAdd(operation, _ => new ConcurrentQueue<long>()).Enqueue(Stopwatch.GetTimestamp() - started);
            return result;
        }
        catch (RpcException error) when (error.StatusCode != StatusCode.Cancelled)
        {
            Error(operation, error.Status);
            return null;
        }
    }

    /// <summary>Counts a failure seen outside <see cref="CallAsync"/> (a watch stream that broke).</summary>
    public void Error(string operation, Status status)
    {
        _errors.AddOrUpdate((operation, status.StatusCode), 1, (_, n) => n + 1);
        _firstMessage.TryAdd(status.StatusCode, $"{operation}: {status.Detail}");
    }

    /// <summary>Counts one item that arrived without a call of its own (an event on a watch stream).</summary>
    public void Count(string operation) => _latencies.GetOrAdd(operation, _ => new ConcurrentQueue<long>()).Enqueue(0);

    public int TotalErrors => _errors.Values.Sum();

    public IEnumerable<string> DescribeThroughput(TimeSpan window)
    {
        yield return "| operation | answered | per second | p50 ms | p99 ms | max ms |";
        yield return "|---|---|---|---|---|---|";
        foreach (var (operation, queue) in _latencies.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var summary = new LatencySummary(queue);
            var timed = operation.StartsWith("watch ", StringComparison.Ordinal);
            yield return string.Create(CultureInfo.InvariantCulture,
                $"| {operation} | {summary.Count} | {summary.Count / window.TotalSeconds:F1} | {(timed ? "-" : LatencySummary.Format(summary.Milliseconds(0.5)))} | " +
                $"{(timed ? "-" : LatencySummary.Format(summary.Milliseconds(0.99)))} | {(timed ? "-" : LatencySummary.Format(summary.MaxMilliseconds))} |");
        }
    }

    public IEnumerable<string> DescribeErrors()
    {
        if (_errors.IsEmpty)
        {
            yield return "errors: none";
            yield break;
        }

        foreach (var ((operation, status), count) in _errors.OrderBy(p => p.Key.Operation, StringComparer.Ordinal))
        {
            yield return $"errors: {operation} {status}: {count}";
        }

        foreach (var (status, message) in _firstMessage)
        {
            yield return $"errors: first {status}: {message}";
        }
    }
}
