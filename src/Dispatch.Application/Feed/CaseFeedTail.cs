using Dispatch.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dispatch.Application.Feed;

/// <summary>
/// Reads the newest entries of the case feed once for every watcher of the node, at each commit that adds to it
/// (and now and then for other replicas' commits), and keeps the last few thousand in memory. Watchers take
/// what they have not seen from the window, and read the database only to catch up from further back. Each stream
/// reading the feed itself at every commit, with a connection and prepared statements held open per stream, made
/// the node's memory and database work grow with the number of open streams. Runs only while someone watches.
/// </summary>
internal sealed partial class CaseFeedTail(
    IDbContextFactory<DispatchDbContext> contexts, CaseFeedSignal signal, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<CaseFeedTail> logger)
{
    private const int Keep = 2_000;

    // Other replicas' commits do not raise this process's signal.
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private int _watchers;
    private TaskCompletionSource _arrived = NewSource();
    private TaskCompletionSource _next = NewSource();
    private FeedWindow? _window;
    private Task? _loop;

    /// <summary>The newest window; one that is not yet read while the tail starts.</summary>
    public FeedWindow Window
    {
        get
        {
            lock (_lock)
            {
                return _window ??= FeedWindow.Unread(_next.Task);
            }
        }
    }

    /// <summary>Counts a watcher in until the returned value is disposed; the tail reads while any is in.</summary>
    public IDisposable Join()
    {
        lock (_lock)
        {
            _watchers++;
            _arrived.TrySetResult();
            _loop ??= Task.Run(RunAsync);
        }

        return new Membership(this);
    }

    private void Leave()
    {
        lock (_lock)
        {
            _watchers--;
        }
    }

    private async Task RunAsync()
    {
        var stopping = lifetime.ApplicationStopping;
        await using var feed = new FeedContext(contexts);
        var fresh = true;
        while (!stopping.IsCancellationRequested)
        {
            Task arrived;
            lock (_lock)
            {
                arrived = _watchers > 0 ? Task.CompletedTask : (_arrived = NewSource()).Task;
            }

            var full = false;
            try
            {
                if (!arrived.IsCompleted)
                {
                    // Nobody watches: stop reading; the window is stale when someone comes back.
                    await arrived.WaitAsync(stopping);
                    fresh = true;
                }

                var nextCommit = signal.NextCommit;
                full = fresh ? await StartAsync(feed, stopping) : await AdvanceAsync(feed, stopping);
                fresh = false;
                if (!full)
                {
                    await nextCommit.WaitAsync(PollInterval, clock, stopping);
                }
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogReadFailed(logger, e.Message);
                await Task.Delay(PollInterval, clock, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>A window from the feed's end now: watchers from further back read the database.</summary>
    private async Task<bool> StartAsync(FeedContext feed, CancellationToken cancellationToken)
    {
        var end = await feed.ReadAsync(context => CaseFeedReader.End.For(context)(context), cancellationToken) ?? 0;
        Publish(end, [], end);
        return false;
    }

    /// <summary>Adds a page of new entries to the window; true when the page was full (more may follow at once).</summary>
    private async Task<bool> AdvanceAsync(FeedContext feed, CancellationToken cancellationToken)
    {
        var window = Window;
        var rows = await feed.ReadAsync(context => CaseFeedReader.ReadPageAsync(context, window.End, cancellationToken), cancellationToken);
        if (rows.Count == 0)
        {
            return false;
        }

        var kept = window.Entries.Length + rows.Count <= Keep ? window.Entries : window.Entries[Math.Min(window.Entries.Length, window.Entries.Length + rows.Count - Keep)..];
        var from = kept.Length == window.Entries.Length ? window.From : window.Entries[window.Entries.Length - kept.Length - 1].Sequence;
        Publish(from, [.. kept, .. rows], rows[^1].Sequence);
        return rows.Count == CaseFeedReader.PageSize;
    }

    private void Publish(long from, FeedRow[] entries, long end)
    {
        TaskCompletionSource previous;
        lock (_lock)
        {
            previous = _next;
            _next = NewSource();
            _window = new FeedWindow(from, entries, end, _next.Task);
        }

        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(1, LogLevel.Warning, "Reading the case feed for its watchers failed ({Message}); retrying.")]
    private static partial void LogReadFailed(ILogger logger, string message);

    private sealed class Membership(CaseFeedTail tail) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                tail.Leave();
            }
        }
    }
}
