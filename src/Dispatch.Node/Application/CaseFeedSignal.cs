namespace Dispatch.Node.Application;

/// <summary>A task that completes at the next commit of a kind; the writer notifies after committing.</summary>
internal abstract class CommitSignal
{
    private TaskCompletionSource _next = New();

    /// <summary>Completes at the next commit after this call.</summary>
    public Task NextCommit => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, New()).TrySetResult();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Wakes case-feed watchers after each commit.</summary>
internal sealed class CaseFeedSignal : CommitSignal;

/// <summary>
/// Wakes the outbox relay after a commit that added a message to the outbox or made one pending again (a
/// requeue). Waking it after every commit had it read the outbox five times per escalation at a village
/// (the report, its acceptance, the parent's status updates...), finding nothing new four times.
/// </summary>
internal sealed class OutboxSignal : CommitSignal;
