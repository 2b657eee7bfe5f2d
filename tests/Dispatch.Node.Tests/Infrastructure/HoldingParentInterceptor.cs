using Dispatch.Contracts.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>
/// Makes a parent hold the Escalate calls of one case (by title) before taking them, until the test lets them
/// go: a slow send in flight that the test controls, without any timer.
/// </summary>
internal sealed class HoldingParentInterceptor(string title) : Interceptor
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _holding;

    /// <summary>Completes when the first held call has arrived.</summary>
    public Task Arrived => _arrived.Task;

    /// <summary>Escalate calls still held at the parent.</summary>
    public int Holding => Volatile.Read(ref _holding);

    public void Release() => _release.TrySetResult();

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is EscalateRequest escalation && escalation.Title == title)
        {
            Interlocked.Increment(ref _holding);
            _arrived.TrySetResult();
            try
            {
                await _release.Task.WaitAsync(context.CancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _holding);
            }
        }

        return await continuation(request, context);
    }
}
