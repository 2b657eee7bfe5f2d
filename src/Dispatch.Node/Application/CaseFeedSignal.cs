namespace Dispatch.Node.Application;

/// <summary>Wakes case-feed watchers after each commit: a task that completes on the next commit.</summary>
internal sealed class CaseFeedSignal
{
    private TaskCompletionSource _next = New();

    /// <summary>Completes at the next commit after this call.</summary>
    public Task NextCommit => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, New()).TrySetResult();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
