using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Grpc.Bench;

/// <summary>Drives concurrent unary calls through a <see cref="GrpcChannel"/> and prints calls/s and latency.</summary>
internal static class EchoClient
{
    public static async Task<int> RunAsync(EchoClientOptions options)
    {
        using var channel = GrpcChannel.ForAddress(options.Address);
        var client = new Echo.EchoClient(channel);
        var data = new byte[options.PayloadBytes];
        Random.Shared.NextBytes(data);
        var request = new Blob { Data = ByteString.CopyFrom(data) };

        Blob reply;
        try
        {
            reply = await client.CallAsync(request);
        }
        catch (RpcException error)
        {
            Console.Error.WriteLine($"the first call to {options.Address} failed: {error.Status}");
            return 1;
        }

        if (!reply.Equals(request))
        {
            Console.Error.WriteLine($"the server did not echo the payload ({reply.Data.Length} bytes back, {data.Length} sent)");
            return 1;
        }

        var measureFrom = Stopwatch.GetTimestamp() + Ticks(options.Warmup);
        var stopAt = measureFrom + Ticks(options.Duration);
        var workers = Enumerable.Range(0, options.Concurrency)
            .Select(_ => new EchoWorker(client, request, measureFrom, stopAt))
            .ToArray();
        await Task.WhenAll(workers.Select(worker => Task.Run(worker.RunAsync)));
        var measured = Stopwatch.GetElapsedTime(measureFrom);

        var latencies = workers.SelectMany(worker => worker.Latencies).Order().ToArray();
        var errors = workers.Sum(worker => worker.Errors);
        Console.WriteLine(
            $"client: {latencies.Length / measured.TotalSeconds:F0} calls/s, " +
            $"p50 {Milliseconds(latencies, 0.50):F3} ms, p99 {Milliseconds(latencies, 0.99):F3} ms, {errors} errors " +
            $"({options.Concurrency} concurrent, {options.Duration.TotalSeconds:F0} s after {options.Warmup.TotalSeconds:F0} s warm-up, " +
            $"{request.CalculateSize()}-byte message)");
        if (workers.Select(worker => worker.FirstError).FirstOrDefault(error => error is not null) is { } first)
        {
            Console.Error.WriteLine($"first error: {first.Status}");
        }

        return errors == 0 && latencies.Length > 0 ? 0 : 1;
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static double Milliseconds(long[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1] * 1000.0 / Stopwatch.Frequency;
}
