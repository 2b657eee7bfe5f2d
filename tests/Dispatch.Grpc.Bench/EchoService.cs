using Grpc.Core;

namespace Dispatch.Grpc.Bench;

/// <summary>Returns the request bytes unchanged. Bound the way generated service bases are.</summary>
[BindServiceMethod(typeof(EchoService), nameof(BindService))]
internal sealed class EchoService
{
    public static void BindService(ServiceBinderBase binder, EchoService? service) =>
        binder.AddMethod(EchoMethods.Call, service is null ? null : service.Call);

    private static long _calls;

    /// <summary>Calls served so far, for the allocations-per-call figure.</summary>
    public static long Calls => Interlocked.Read(ref _calls);

    public Task<byte[]> Call(byte[] request, ServerCallContext context)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(request);
    }
}
