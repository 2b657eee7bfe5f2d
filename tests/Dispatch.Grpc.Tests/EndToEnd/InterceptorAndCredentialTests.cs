using Dispatch.Grpc.Tests.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Dispatch.Grpc.Tests.EndToEnd;

public sealed class InterceptorAndCredentialTests
{
    [Fact]
    public async Task ServerInterceptor_RejectsCallWithoutToken_HandlerNeverRuns()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.Interceptors.Add<RequireTokenInterceptor>("letmein"));
        var client = new Tester.TesterClient(server.CreateChannel());
        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Null(server.Probe.LastHeaders);
    }

    [Fact]
    public async Task ServerInterceptor_AppliesToEveryShape()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.Interceptors.Add<RequireTokenInterceptor>("letmein"));
        var client = new Tester.TesterClient(server.CreateChannel());
        using var stream = client.Count(new CountRequest { Count = 1 });
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext())).StatusCode);
        using var join = client.Join();
        await join.RequestStream.CompleteAsync();
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => join.ResponseAsync)).StatusCode);
        using var chat = client.Chat();
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => chat.ResponseStream.MoveNext())).StatusCode);
    }

    [Fact]
    public async Task CallCredentials_OnInsecureChannelWhenAllowed_BearerTokenReachesServer()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.Interceptors.Add<RequireTokenInterceptor>("letmein"));
        var credentials = CallCredentials.FromInterceptor((context, metadata) =>
        {
            metadata.Add("authorization", "Bearer letmein");
            return Task.CompletedTask;
        });
        var channel = server.CreateChannel(new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        var reply = await new Tester.TesterClient(channel).EchoAsync(new EchoRequest { Text = "in" });
        Assert.Equal("in", reply.Text);
        Assert.Equal("Bearer letmein", server.Probe.LastHeaders!.GetValue("authorization"));
    }

    [Fact]
    public async Task CallCredentials_OnInsecureChannelNotAllowed_ChannelRefused()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var credentials = CallCredentials.FromInterceptor((_, _) => Task.CompletedTask);
        Assert.Throws<InvalidOperationException>(() => server.CreateChannel(new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
        }));
    }

    [Fact]
    public async Task ClientInterceptor_AddsHeaderToEveryCall()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.Interceptors.Add<RequireTokenInterceptor>("letmein"));
        var invoker = server.CreateChannel().Intercept(new AddHeaderInterceptor("authorization", "Bearer letmein"));
        var client = new Tester.TesterClient(invoker);
        Assert.Equal("x", (await client.EchoAsync(new EchoRequest { Text = "x" })).Text);
        Assert.Equal("y", client.Echo(new EchoRequest { Text = "y" }).Text);
    }

    [Fact]
    public async Task ClientInterceptors_RunInListOrder()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var order = new List<string>();
        var invoker = server.CreateChannel().Intercept(new RecordingInterceptor("first", order), new RecordingInterceptor("second", order));
        await new Tester.TesterClient(invoker).EchoAsync(new EchoRequest());
        Assert.Equal(["first", "second"], order);
    }

    private sealed class RequireTokenInterceptor(string token) : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            Check(context);
            return continuation(request, context);
        }

        public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        {
            Check(context);
            return continuation(request, responseStream, context);
        }

        public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
        {
            Check(context);
            return continuation(requestStream, context);
        }

        public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
        {
            Check(context);
            return continuation(requestStream, responseStream, context);
        }

        private void Check(ServerCallContext context)
        {
            if (context.RequestHeaders.GetValue("authorization") != "Bearer " + token)
            {
                throw new RpcException(new Status(StatusCode.Unauthenticated, "Missing or bad bearer token."));
            }
        }
    }

    private sealed class AddHeaderInterceptor(string key, string value) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
            continuation(request, WithHeader(context));

        public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
            continuation(request, WithHeader(context));

        private ClientInterceptorContext<TRequest, TResponse> WithHeader<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
            where TRequest : class
            where TResponse : class
        {
            var headers = new Metadata { { key, value } };
            return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
        }
    }

    private sealed class RecordingInterceptor(string name, List<string> order) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            order.Add(name);
            return continuation(request, context);
        }
    }
}
