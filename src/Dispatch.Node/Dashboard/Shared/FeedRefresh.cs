using Dispatch.Application.Errors;
using Dispatch.Application.Feed;
using Dispatch.Application.Security;

namespace Dispatch.Node.Dashboard.Shared;

/// <summary>
/// Keeps a live page in step with the node's case feed: every change the caller may see after a sequence reloads the
/// page, at most once per <see cref="Interval"/> on the node's clock, so a burst of reports is one reload, not one per
/// report. Start it from the feed's end read before the page loaded its data (<see cref="CaseFeedReader.EndAsync"/>):
/// nothing committed between that read and the subscription is missed.
/// </summary>
internal sealed class FeedRefresh : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);

    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly Func<Task> _reload;
    private readonly Task _watching;
    private ITimer? _due;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    private FeedRefresh(CaseFeedReader feed, CallerIdentity caller, long fromSequence, TimeProvider clock, Func<Task> reload)
    {
        _clock = clock;
        _reload = reload;
        _watching = WatchAsync(feed, caller, fromSequence);
    }

    /// <summary>Follows the feed after <paramref name="fromSequence"/>; <paramref name="reload"/> runs on the page's dispatcher (the page wraps it in InvokeAsync).</summary>
    public static FeedRefresh Start(CaseFeedReader feed, CallerIdentity caller, long fromSequence, TimeProvider clock, Func<Task> reload) =>
        new(feed, caller, fromSequence, clock, reload);

    private async Task WatchAsync(CaseFeedReader feed, CallerIdentity caller, long fromSequence)
    {
        await Task.Yield();
        try
        {
            await foreach (var _ in feed.WatchAsync(caller, fromSequence, _stop.Token))
            {
                Changed();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (NodeStoppingException)
        {
        }
    }

    /// <summary>A change: reload now if the last reload is an interval old, else once when it is (later changes ride on that).</summary>
    private void Changed()
    {
        lock (_gate)
        {
            if (_due is not null || _stop.IsCancellationRequested)
            {
                return;
            }

            var wait = _last + Interval - _clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                _due = _clock.CreateTimer(_ => Due(), null, wait, Timeout.InfiniteTimeSpan);
                return;
            }

            _last = _clock.GetUtcNow();
        }

        _ = _reload();
    }

    private void Due()
    {
        lock (_gate)
        {
            _due?.Dispose();
            _due = null;
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            _last = _clock.GetUtcNow();
        }

        _ = _reload();
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _stop.Cancel();
            _due?.Dispose();
            _due = null;
        }

        await _watching;
        _stop.Dispose();
    }
}
