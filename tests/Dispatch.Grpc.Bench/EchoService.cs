using Grpc.Core;

namespace Dispatch.Grpc.Bench;

/// <summary>Returns the request unchanged: the generated <c>Echo.EchoBase</c> with one override.</summary>
internal sealed class EchoService : Echo.EchoBase
{
    private static long _calls;

    /// <summary>Calls served so far, for the allocations-per-call figure.</summary>
    public static long Calls => Interlocked.Read(ref _calls);

    public override Task<Blob> Call(Blob request, ServerCallContext context)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(request);
    }
}
