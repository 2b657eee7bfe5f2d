using Dispatch.Grpc.Tests.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Dispatch.Grpc.Tests.EndToEnd;

public sealed class CallShapeTests : TesterTestBase
{
    [Fact]
    public async Task Unary_Echo_ReturnsRequestTextAndOkStatus()
    {
        using var call = Client.EchoAsync(new EchoRequest { Text = "hello" });
        var reply = await call;
        Assert.Equal("hello", reply.Text);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public void BlockingUnary_Echo_ReturnsReply()
    {
        Assert.Equal("sync", Client.Echo(new EchoRequest { Text = "sync" }).Text);
    }

    [Fact]
    public async Task Unary_LargePayload_RoundTrips()
    {
        var payload = ByteString.CopyFrom(Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray());
        var reply = await Client.EchoAsync(new EchoRequest { Payload = payload });
        Assert.Equal(payload, reply.Payload);
    }

    [Fact]
    public async Task ServerStreaming_Count_ReceivesEveryMessageInOrder()
    {
        using var call = Client.Count(new CountRequest { Count = 50 });
        var indexes = new List<int>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            indexes.Add(reply.Index);
        }

        Assert.Equal(Enumerable.Range(0, 50), indexes);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ServerStreaming_Zero_EndsWithoutMessages()
    {
        using var call = Client.Count(new CountRequest { Count = 0 });
        Assert.False(await call.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task ClientStreaming_Join_AggregatesAllMessages()
    {
        using var call = Client.Join();
        foreach (var text in new[] { "a", "b", "c" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = text });
        }

        await call.RequestStream.CompleteAsync();
        var reply = await call;
        Assert.Equal("a,b,c", reply.Text);
        Assert.Equal(3, reply.Index);
    }

    [Fact]
    public async Task ClientStreaming_NoMessages_ReturnsEmptyAggregate()
    {
        using var call = Client.Join();
        await call.RequestStream.CompleteAsync();
        Assert.Equal(0, (await call).Index);
    }

    [Fact]
    public async Task Duplex_Chat_EchoesInLockStep()
    {
        using var call = Client.Chat();
        for (var i = 0; i < 5; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = $"m{i}" });
            Assert.True(await call.ResponseStream.MoveNext());
            Assert.Equal($"m{i}", call.ResponseStream.Current.Text);
            Assert.Equal(i, call.ResponseStream.Current.Index);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Duplex_ServerFails_ReaderThrowsStatus()
    {
        using var call = Client.Chat();
        await call.RequestStream.WriteAsync(new EchoRequest { Mode = "fail" });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("chat aborted", error.Status.Detail);
    }

    [Fact]
    public async Task ManyConcurrentCalls_OverOneChannel_AllSucceed()
    {
        var calls = Enumerable.Range(0, 300).Select(i => Client.EchoAsync(new EchoRequest { Text = i.ToString() }).ResponseAsync);
        var replies = await Task.WhenAll(calls);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => i.ToString()), replies.Select(r => r.Text));
    }
}
