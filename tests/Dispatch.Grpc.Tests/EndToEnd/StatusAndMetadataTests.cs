using System.Net.Http.Headers;
using Dispatch.Grpc.Tests.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Grpc.Tests.EndToEnd;

public sealed class StatusAndMetadataTests : TesterTestBase
{
    [Fact]
    public async Task Unary_HandlerThrowsRpcException_ClientSeesCodeMessageAndTrailers()
    {
        var message = "bad\tthing\r\n中文 😀 100%";
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.EchoAsync(new EchoRequest { Mode = "fail", Text = message }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(message, error.Status.Detail);
        Assert.Equal("kept", error.Trailers.GetValue("detail"));
        Assert.Equal(new byte[] { 1, 2, 3 }, error.Trailers.GetValueBytes("reason-bin"));
    }

    [Fact]
    public async Task Unary_HandlerCrashes_UnknownWithoutDetails()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.EchoAsync(new EchoRequest { Mode = "crash" }).ResponseAsync);
        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Equal("Exception was thrown by handler.", error.Status.Detail);
        Assert.DoesNotContain("secret", error.Status.Detail);
    }

    [Fact]
    public async Task Unary_HandlerCrashesWithDetailedErrors_MessageIncluded()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.EnableDetailedErrors = true);
        var client = new Tester.TesterClient(server.CreateChannel());
        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { Mode = "crash" }).ResponseAsync);
        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Contains("InvalidOperationException: secret internals", error.Status.Detail);
    }

    [Fact]
    public async Task Unary_StatusSetOnContext_ClientSeesIt()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.EchoAsync(new EchoRequest { Mode = "status-only" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("set, not thrown", error.Status.Detail);
    }

    [Fact]
    public async Task Unary_CustomMetadata_ReachesServerAndComesBack()
    {
        var headers = new Metadata { { "x-user", "alice" }, { "token-bin", new byte[] { 0, 1, 254, 255 } } };
        using var call = Client.EchoAsync(new EchoRequest { Mode = "headers" }, headers);
        var responseHeaders = await call.ResponseHeadersAsync;
        await call;
        Assert.Equal("alice", Server.Probe.LastHeaders!.GetValue("x-user"));
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, Server.Probe.LastHeaders!.GetValueBytes("token-bin"));
        Assert.Equal("hello", responseHeaders.GetValue("greeting"));
        Assert.Equal(new byte[] { 0, 255 }, responseHeaders.GetValueBytes("raw-bin"));
        Assert.Equal("bye", call.GetTrailers().GetValue("farewell"));
    }

    [Fact]
    public async Task UnknownMethod_OfKnownService_Unimplemented()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.MissingAsync(new EchoRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Theory]
    [InlineData("/dispatch.grpc.tests.v1.Tester/Nope")]
    [InlineData("/no.such.Service/Call")]
    public async Task UnknownPath_Http200WithUnimplementedStatus(string path)
    {
        using var http = RawClient();
        var response = await http.SendAsync(RawRequest(path, "application/grpc"));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("12", response.Headers.GetValues("grpc-status").Single());
    }

    [Fact]
    public async Task KnownMethod_WrongContentType_Http415()
    {
        using var http = RawClient();
        var response = await http.SendAsync(RawRequest("/dispatch.grpc.tests.v1.Tester/Echo", "application/json"));
        Assert.Equal(415, (int)response.StatusCode);
    }

    [Fact]
    public async Task Unary_EmptyBody_InternalNamingMissingMessage()
    {
        using var http = RawClient();
        var response = await http.SendAsync(RawRequest("/dispatch.grpc.tests.v1.Tester/Echo", "application/grpc"));
        Assert.Equal("13", response.Headers.GetValues("grpc-status").Single());
        Assert.Contains("did not include a message", response.Headers.GetValues("grpc-message").Single());
    }

    [Fact]
    public async Task Client_NonGrpcPeer404_MapsToUnimplemented()
    {
        // A server that answers plain HTTP errors: the reflection-free fallback for non-gRPC content types.
        using var channel = GrpcChannel.ForAddress(Server.Address);
        var invoker = channel.CreateCallInvoker();
        var method = new Method<string, string>(MethodType.Unary, "x", "y", Marshallers.StringMarshaller, Marshallers.StringMarshaller);
        using var http = RawClient();
        var response = await http.SendAsync(RawRequest("/x/y", "text/plain"));
        Assert.Equal(404, (int)response.StatusCode);
        var error = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(method, null, default, "hi").ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    private static HttpClient RawClient() =>
        new(new SocketsHttpHandler { UseProxy = false }) { DefaultRequestVersion = new Version(2, 0), DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

    private HttpRequestMessage RawRequest(string path, string contentType)
    {
        var content = new ByteArrayContent([]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Server.Address, path))
        {
            Version = new Version(2, 0),
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }
}
