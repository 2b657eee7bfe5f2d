namespace Dispatch.Application.Writing;

/// <summary>
/// Something that acts on what the single writer commits (wakes feed watchers, hands outbox messages to the relay,
/// tells the scheduler of an earlier alarm), so the writer need not know each of them. Both calls come from the
/// writer's one thread, once per attempt at a batch, and must be cheap: they run on every commit.
/// </summary>
internal interface ICommitObserver
{
    /// <summary>The batch's changes are detected and about to be saved: what only the change tracker's states tell (added rows) is still there to see.</summary>
    void Staged(WriteBatch batch);

    /// <summary>The batch is durable; its items' callers are answered after this.</summary>
    void Committed(WriteBatch batch);
}
