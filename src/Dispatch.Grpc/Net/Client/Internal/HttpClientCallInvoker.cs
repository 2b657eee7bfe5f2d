using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>The call invoker of a <see cref="GrpcChannel"/>: each call becomes one HTTP/2 request.</summary>
internal sealed class HttpClientCallInvoker(GrpcChannel channel) : CallInvoker
{
    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        using var call = AsyncUnaryCall(method, host, options, request);
        return call.ResponseAsync.GetAwaiter().GetResult();
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, options);
        var response = call.StartUnary(request);
        return new AsyncUnaryCall<TResponse>(
            response, Headers<TRequest, TResponse>, Status<TRequest, TResponse>, Trailers<TRequest, TResponse>, Dispose<TRequest, TResponse>, call);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, options);
        call.StartServerStreaming(request);
        return new AsyncServerStreamingCall<TResponse>(
            call.ResponseStream, Headers<TRequest, TResponse>, Status<TRequest, TResponse>, Trailers<TRequest, TResponse>, Dispose<TRequest, TResponse>, call);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, options);
        var response = call.StartClientStreaming();
        return new AsyncClientStreamingCall<TRequest, TResponse>(
            call.RequestStream, response, Headers<TRequest, TResponse>, Status<TRequest, TResponse>, Trailers<TRequest, TResponse>, Dispose<TRequest, TResponse>, call);
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, options);
        call.StartDuplexStreaming();
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(
            call.RequestStream, call.ResponseStream, Headers<TRequest, TResponse>, Status<TRequest, TResponse>, Trailers<TRequest, TResponse>, Dispose<TRequest, TResponse>, call);
    }

    // Static accessors over the call object: the call objects hold no closures.
    private static Task<Metadata> Headers<TRequest, TResponse>(object call)
        where TRequest : class
        where TResponse : class => ((GrpcCall<TRequest, TResponse>)call).ResponseHeadersAsync;

    private static Status Status<TRequest, TResponse>(object call)
        where TRequest : class
        where TResponse : class => ((GrpcCall<TRequest, TResponse>)call).GetStatus();

    private static Metadata Trailers<TRequest, TResponse>(object call)
        where TRequest : class
        where TResponse : class => ((GrpcCall<TRequest, TResponse>)call).GetTrailers();

    private static void Dispose<TRequest, TResponse>(object call)
        where TRequest : class
        where TResponse : class => ((GrpcCall<TRequest, TResponse>)call).Dispose();
}
