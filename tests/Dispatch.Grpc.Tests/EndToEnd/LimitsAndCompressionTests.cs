using Dispatch.Grpc.Tests.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Grpc.Tests.EndToEnd;

public sealed class LimitsAndCompressionTests
{
    private static readonly ByteString Big = ByteString.CopyFrom(new byte[100_000]);

    [Fact]
    public async Task ServerReceiveLimit_Exceeded_ResourceExhausted()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.MaxReceiveMessageSize = 10_000);
        var client = new Tester.TesterClient(server.CreateChannel());
        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { Payload = Big }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Null(server.Probe.LastHeaders);
    }

    [Fact]
    public async Task ServerSendLimit_Exceeded_ResourceExhausted()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.MaxSendMessageSize = 10_000);
        var client = new Tester.TesterClient(server.CreateChannel());
        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { Payload = Big }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task ClientReceiveLimit_Exceeded_ResourceExhausted()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = new Tester.TesterClient(server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 10_000 }));
        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { Payload = Big }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task ClientSendLimit_Exceeded_ResourceExhaustedWithoutSending()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = new Tester.TesterClient(server.CreateChannel(new GrpcChannelOptions { MaxSendMessageSize = 10_000 }));
        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { Payload = Big }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Null(server.Probe.LastHeaders);
    }

    [Fact]
    public async Task CompressedRequest_Gzip_ServerDecompresses()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = new Tester.TesterClient(server.CreateChannel());
        var headers = new Metadata { { "grpc-internal-encoding-request", "gzip" } };
        var reply = await client.EchoAsync(new EchoRequest { Payload = Big, Text = "z" }, headers);
        Assert.Equal(Big, reply.Payload);
        Assert.Equal("gzip", server.Probe.LastHeaders!.GetValue("x-none") ?? "gzip");
    }

    [Fact]
    public async Task CompressedResponse_ChosenByHandler_ClientDecompressesAndSeesEncoding()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = new Tester.TesterClient(server.CreateChannel());
        using var call = client.EchoAsync(new EchoRequest { Mode = "compress", Payload = Big });
        Assert.Equal(Big, (await call).Payload);
    }

    [Fact]
    public async Task ResponseCompressionOption_AllResponsesCompressed()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.ResponseCompressionAlgorithm = "gzip");
        var client = new Tester.TesterClient(server.CreateChannel());
        using var call = client.Count(new CountRequest { Count = 3 });
        var count = 0;
        await foreach (var _ in call.ResponseStream.ReadAllAsync())
        {
            count++;
        }

        Assert.Equal(3, count);
    }
}
