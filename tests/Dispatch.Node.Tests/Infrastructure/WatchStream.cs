using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>Reads a WatchCases stream with a generous time-out instead of sleeping.</summary>
internal static class WatchStream
{
    /// <summary>Long enough for a slow, shared machine; a passing test never waits for it.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Reads exactly <paramref name="count"/> notices; fails if the stream ends or stalls first.</summary>
    public static async Task<List<WatchCasesResponse>> ReadAsync(this IAsyncStreamReader<WatchCasesResponse> stream, int count)
    {
        var received = new List<WatchCasesResponse>();
        while (received.Count < count)
        {
            received.Add(await NextAsync(stream, received));
        }

        return received;
    }

    /// <summary>Reads notices up to and including the first that matches <paramref name="last"/>.</summary>
    public static async Task<List<WatchCasesResponse>> ReadUntilAsync(
        this IAsyncStreamReader<WatchCasesResponse> stream, Func<WatchCasesResponse, bool> last)
    {
        var received = new List<WatchCasesResponse>();
        do
        {
            received.Add(await NextAsync(stream, received));
        }
        while (!last(received[^1]));
        return received;
    }

    private static async Task<WatchCasesResponse> NextAsync(IAsyncStreamReader<WatchCasesResponse> stream, List<WatchCasesResponse> so)
    {
        using var patience = new CancellationTokenSource(Patience);
        bool more;
        try
        {
            more = await stream.MoveNext(patience.Token);
        }
        catch (Exception ex) when (patience.IsCancellationRequested && ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            throw new Xunit.Sdk.XunitException($"No notice within {Patience.TotalSeconds} s after {Describe(so)}.");
        }

        return more ? stream.Current : throw new Xunit.Sdk.XunitException($"The stream ended after {Describe(so)}.");
    }

    private static string Describe(List<WatchCasesResponse> so) =>
        so.Count == 0 ? "no notices" : $"{so.Count} notices: " + string.Join(", ", so.Select(n => $"#{n.Sequence} {n.Event.Type}"));
}
