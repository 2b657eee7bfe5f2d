namespace Dispatch.Application.Feed;

/// <summary>A task that completes at the next commit of a kind; the writer notifies after committing.</summary>
internal abstract class CommitSignal
{
    private TaskCompletionSource _next = New();

    /// <summary>Completes at the next commit after this call.</summary>
    public Task NextCommit => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, New()).TrySetResult();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
