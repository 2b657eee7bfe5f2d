using Grpc.Core;

namespace Dispatch.Grpc.Bench;

/// <summary>Returns the request bytes unchanged. Bound the way generated service bases are.</summary>
[BindServiceMethod(typeof(EchoService), nameof(BindService))]
internal sealed class EchoService
{
    public static void BindService(ServiceBinderBase binder, EchoService? service) =>
        binder.AddMethod(EchoMethods.Call, service is null ? null : service.Call);

    public Task<byte[]> Call(byte[] request, ServerCallContext context) => Task.FromResult(request);
}
