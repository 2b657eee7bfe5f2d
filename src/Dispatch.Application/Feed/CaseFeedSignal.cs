using Dispatch.Application.Writing;
using Dispatch.Data.Feed;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Feed;

/// <summary>
/// Wakes case-feed watchers after each commit that adds to the feed. A commit that only records answers or moves a
/// case's bookkeeping (a parent's case id, an alarm) gives them nothing to read.
/// </summary>
internal sealed class CaseFeedSignal : CommitSignal, ICommitObserver
{
    // Set and read on the writer's thread only.
    private bool _feedAdded;

    public void Staged(WriteBatch batch) =>
        _feedAdded = batch.NewCases.Count > 0 || batch.Context.ChangeTracker.Entries<CaseFeedEntry>().Any(e => e.State == EntityState.Added);

    public void Committed(WriteBatch batch)
    {
        if (_feedAdded)
        {
            Notify();
        }
    }
}
