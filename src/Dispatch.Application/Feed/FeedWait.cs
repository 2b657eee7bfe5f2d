using Dispatch.Application.Errors;

namespace Dispatch.Application.Feed;

internal static class FeedWait
{
    /// <summary>
    /// Waits for the next commit or the poll interval. When the node is shutting down the stream ends
    /// at once (<see cref="NodeStoppingException"/>): a graceful shutdown would otherwise wait for every open stream, and
    /// the watcher reconnects (to this node when it is back) from the last sequence it saw.
    /// </summary>
    public static async Task NextAsync(Task nextCommit, TimeSpan pollInterval, TimeProvider clock, CancellationToken stopping, CancellationToken call)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, call);
        try
        {
            await nextCommit.WaitAsync(pollInterval, clock, linked.Token);
        }
        catch (TimeoutException)
        {
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !call.IsCancellationRequested)
        {
            throw new NodeStoppingException();
        }
    }
}
