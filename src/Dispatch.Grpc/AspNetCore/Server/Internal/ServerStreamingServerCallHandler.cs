using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

internal sealed class ServerStreamingServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ServerMethodOptions options,
    ServerStreamingServerMethod<TRequest, TResponse> invoker)
    : ServerCallHandler<TRequest, TResponse>(method, options)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(HttpContextServerCallContext call)
    {
        var request = await call.ReadSingleMessageAsync(Method.RequestMarshaller).ConfigureAwait(false);
        await invoker(request, new HttpContextStreamWriter<TResponse>(call, Method.ResponseMarshaller), call).ConfigureAwait(false);
    }
}
