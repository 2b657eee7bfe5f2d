using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

internal sealed class DuplexStreamingServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ServerMethodOptions options,
    DuplexStreamingServerMethod<TRequest, TResponse> invoker)
    : ServerCallHandler<TRequest, TResponse>(method, options)
    where TRequest : class
    where TResponse : class
{
    protected override Task HandleCallCoreAsync(HttpContextServerCallContext call) =>
        invoker(
            new HttpContextStreamReader<TRequest>(call, Method.RequestMarshaller),
            new HttpContextStreamWriter<TResponse>(call, Method.ResponseMarshaller),
            call);
}
