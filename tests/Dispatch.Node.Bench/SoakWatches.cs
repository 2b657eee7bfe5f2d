using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Node.Bench;

/// <summary>
/// The watches on one node: <c>count</c> dispatchers following the whole feed for the run (the first also hands each
/// breach to the ledger and notes how far the feed got), and churn: every few seconds a watch opened from where the
/// feed is, read for a moment and closed, as a dashboard that comes and goes would.
/// </summary>
internal sealed class SoakWatches(SoakNode node, SoakSessions sessions, SoakMetrics metrics, SoakLedger ledger, Action<WatchCasesResponse>? onEvent = null)
{
    private static readonly TimeSpan ChurnEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ChurnOpenFor = TimeSpan.FromSeconds(2);
    private long _lastSequence;

    public Task RunAsync(int count, CancellationToken stop) => Task.WhenAll(
        Enumerable.Range(0, count).Select(i => Task.Run(() => FollowAsync(first: i == 0, stop)))
            .Append(Task.Run(() => ChurnAsync(stop))));

    private async Task FollowAsync(bool first, CancellationToken stop)
    {
        var dispatcher = sessions.Dispatcher;
        await metrics.CallAsync($"watch stream {node.Id}", async () =>
        {
            using var call = dispatcher.Cases.WatchCases(new WatchCasesRequest { FromSequence = 0 }, dispatcher.Call.WithCancellationToken(stop));
            await foreach (var notice in Read(call, stop))
            {
                metrics.Count($"watch events {node.Id}");
                if (!first)
                {
                    continue;
                }

                Volatile.Write(ref _lastSequence, notice.Sequence);
                if (notice.Event.Type == "CaseMarkedOverdue")
                {
                    ledger.Breached(node.Id, notice.CaseId);
                }

                onEvent?.Invoke(notice);
            }

            return string.Empty;
        });
    }

    private async Task ChurnAsync(CancellationToken stop)
    {
        var dispatcher = sessions.Dispatcher;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ChurnEvery, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await metrics.CallAsync($"watch churn {node.Id}", async () =>
            {
                using var window = CancellationTokenSource.CreateLinkedTokenSource(stop);
                window.CancelAfter(ChurnOpenFor);
                using var call = dispatcher.Cases.WatchCases(
                    new WatchCasesRequest { FromSequence = Volatile.Read(ref _lastSequence) }, dispatcher.Call.WithCancellationToken(window.Token));
                await foreach (var _ in Read(call, window.Token))
                {
                }

                return string.Empty;
            });
        }
    }

    /// <summary>The stream's notices until it ends or <paramref name="stop"/> closes it (then it ends quietly).</summary>
    private static async IAsyncEnumerable<WatchCasesResponse> Read(AsyncServerStreamingCall<WatchCasesResponse> call, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken stop)
    {
        while (true)
        {
            try
            {
                if (!await call.ResponseStream.MoveNext(stop))
                {
                    yield break;
                }
            }
            catch (RpcException) when (stop.IsCancellationRequested)
            {
                // Closed from this side: the client reports the reset as Cancelled, or at times as Unavailable ("request aborted").
                yield break;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                yield break;
            }

            yield return call.ResponseStream.Current;
        }
    }
}
