using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

internal sealed class UnaryServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ServerMethodOptions options,
    UnaryServerMethod<TRequest, TResponse> invoker)
    : ServerCallHandler<TRequest, TResponse>(method, options)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(HttpContextServerCallContext call)
    {
        var request = await call.ReadSingleMessageAsync(Method.RequestMarshaller).ConfigureAwait(false);
        var response = await invoker(request, call).ConfigureAwait(false) ??
            throw new RpcException(new Status(StatusCode.Cancelled, "No message returned from method."));
        await call.WriteMessageAsync(response, Method.ResponseMarshaller, flush: false).ConfigureAwait(false);
    }
}
