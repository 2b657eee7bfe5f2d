using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>
/// Makes a parent answer slowly: the first <c>slowCalls</c> Escalate calls are processed (the
/// escalation is stored) and then held until the caller's deadline has passed, which cancels the
/// call's token, so the caller sees DEADLINE_EXCEEDED for an escalation that did land.
/// </summary>
internal sealed class SlowEscalateInterceptor(int slowCalls) : Interceptor
{
    // Only a caller that sets no deadline ever waits this long; the test then fails on the count.
    private static readonly TimeSpan HoldLimit = TimeSpan.FromSeconds(10);
    private int _calls;
    private int _callsWithoutDeadline;

    /// <summary>Escalate calls received, late-answered ones included.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public int CallsWithoutDeadline => Volatile.Read(ref _callsWithoutDeadline);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!context.Method.EndsWith("/Escalate", StringComparison.Ordinal))
        {
            return await continuation(request, context);
        }

        var call = Interlocked.Increment(ref _calls);
        if (context.Deadline == DateTime.MaxValue)
        {
            Interlocked.Increment(ref _callsWithoutDeadline);
        }

        var response = await continuation(request, context);
        if (call <= slowCalls)
        {
            try
            {
                await Task.Delay(HoldLimit, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The deadline passed: the answer below goes nowhere.
            }
        }

        return response;
    }
}
