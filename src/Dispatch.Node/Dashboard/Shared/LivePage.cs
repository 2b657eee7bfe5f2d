using Dispatch.Application.Feed;
using Microsoft.AspNetCore.Components;

namespace Dispatch.Node.Dashboard.Shared;

/// <summary>
/// A page that follows the node's case feed: it loads when it starts and again, coalesced (<see cref="FeedRefresh"/>),
/// after changes the caller may see. The feed's end is read before the first load, and the circuit subscribes from
/// there once it is interactive (not while prerendering), so no change in between is missed.
/// </summary>
public abstract class LivePage : DashboardPage, IAsyncDisposable
{
    private long _from;
    private FeedRefresh? _live;

    [Inject] private CaseFeedReader Feed { get; set; } = default!;

    /// <summary>The node's clock.</summary>
    [Inject] protected TimeProvider Clock { get; set; } = default!;

    /// <summary>Reads the page's data (through <see cref="DashboardPage.RunAsync"/>).</summary>
    protected abstract Task LoadAsync();

    protected override async Task OnInitializedAsync()
    {
        _from = await Feed.EndAsync(CancellationToken.None);
        await LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _live = FeedRefresh.Start(Feed, await CallerAsync(), _from, Clock, () => InvokeAsync(ReloadAsync));
        }
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        if (_live is not null)
        {
            await _live.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
