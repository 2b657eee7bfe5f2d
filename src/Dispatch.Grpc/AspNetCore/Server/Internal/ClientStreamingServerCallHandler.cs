using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

internal sealed class ClientStreamingServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ServerMethodOptions options,
    ClientStreamingServerMethod<TRequest, TResponse> invoker)
    : ServerCallHandler<TRequest, TResponse>(method, options)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(HttpContextServerCallContext call)
    {
        var reader = new HttpContextStreamReader<TRequest>(call, Method.RequestMarshaller);
        var response = await invoker(reader, call).ConfigureAwait(false) ??
            throw new RpcException(new Status(StatusCode.Cancelled, "No message returned from method."));
        await call.WriteMessageAsync(response, Method.ResponseMarshaller, flush: false).ConfigureAwait(false);
    }
}
