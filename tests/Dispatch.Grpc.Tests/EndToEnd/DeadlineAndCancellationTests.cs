using Dispatch.Grpc.Tests.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Dispatch.Grpc.Tests.EndToEnd;

public sealed class DeadlineAndCancellationTests : TesterTestBase
{
    [Fact]
    public async Task Deadline_HandlerObservesToken_DeadlineExceeded()
    {
        var call = Client.EchoAsync(new EchoRequest { Mode = "wait-token" }, deadline: DateTime.UtcNow.AddMilliseconds(200));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task Deadline_HandlerIgnoresToken_ClientStillAnsweredAndHandlerTokenCancelled()
    {
        // Long enough for the handler to start on a loaded machine: with 300 ms a CI run saw the deadline pass
        // before the request reached the server, so the handler never started and the test waited for ever.
        var call = Client.EchoAsync(new EchoRequest { Mode = "ignore-token" }, deadline: DateTime.UtcNow.AddSeconds(3));
        await Server.Probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);

        // The handler is still running; release it and check it saw its token cancelled.
        Server.Probe.Release.TrySetResult();
        Assert.True(await Server.Probe.HandlerFinished.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task ServerDeadline_HandlerIgnoresToken_ServerAnswersDeadlineExceededWhileHandlerRuns()
    {
        // No client-side deadline: only the server's grpc-timeout can end this call.
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var body = new EchoRequest { Mode = "ignore-token" }.ToByteArray();
        var frame = new byte[5 + body.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), body.Length);
        body.CopyTo(frame, 5);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Server.Address, "/dispatch.grpc.tests.v1.Tester/Echo"))
        {
            Version = new Version(2, 0),
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame),
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("grpc-timeout", "100m");

        var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var values) ? values.Single() : response.Headers.GetValues("grpc-status").Single();
        Assert.Equal("4", status);
        Assert.False(Server.Probe.HandlerFinished.Task.IsCompleted);

        Server.Probe.Release.TrySetResult();
        Assert.True(await Server.Probe.HandlerFinished.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Deadline_SentToServer_ServerSeesIt()
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        await Client.EchoAsync(new EchoRequest(), deadline: deadline);
        Assert.InRange(Server.Probe.LastDeadline, deadline.AddSeconds(-5), deadline.AddSeconds(1));
    }

    [Fact]
    public async Task Deadline_AlreadyPassed_FailsWithoutSending()
    {
        var error = await Assert.ThrowsAsync<RpcException>(
            () => Client.EchoAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddSeconds(-1)).ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Null(Server.Probe.LastHeaders);
    }

    [Fact]
    public async Task Cancel_AfterFirstResponse_ServerHandlerCancelledAndClientSeesCancelled()
    {
        using var cts = new CancellationTokenSource();
        using var call = Client.Count(new CountRequest { Count = 5, HangAfterFirst = true }, cancellationToken: cts.Token);
        Assert.True(await call.ResponseStream.MoveNext());
        await Server.Probe.Started.Task;
        cts.Cancel();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.True(await Server.Probe.HandlerFinished.Task);
    }

    [Fact]
    public async Task Cancel_BeforeStart_Cancelled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.EchoAsync(new EchoRequest(), cancellationToken: cts.Token).ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    [Fact]
    public async Task Dispose_RunningCall_ServerHandlerCancelled()
    {
        var call = Client.Count(new CountRequest { Count = 5, HangAfterFirst = true });
        Assert.True(await call.ResponseStream.MoveNext());
        call.Dispose();
        Assert.True(await Server.Probe.HandlerFinished.Task);
    }

    [Fact]
    public async Task GetStatus_WhileRunning_Throws()
    {
        using var call = Client.Chat();
        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }
}
