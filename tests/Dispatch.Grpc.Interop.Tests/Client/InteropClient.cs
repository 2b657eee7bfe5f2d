using Dispatch.Grpc.Interop.Tests.Cases;
using Dispatch.Grpc.Interop.Tests.V1;
using Grpc.Core;
using Grpc.Net.Client;
using static Dispatch.Grpc.Interop.Tests.Cases.InteropConstants;

namespace Dispatch.Grpc.Interop.Tests.Client;

/// <summary>
/// The interop cases on the Dispatch runtime's client (GrpcChannel over HttpClient). Each run uses
/// a fresh channel, so a broken connection cannot spill over into the next case.
/// </summary>
public sealed class InteropClient(Uri address)
{
    public async Task RunAsync(string caseName)
    {
        if (caseName is InteropCases.ClientCompressedUnary or InteropCases.ServerCompressedUnary)
        {
            // These two read the wire through a tapping HTTP handler; every other case runs on
            // the channel's own handler.
            using var tap = new FrameTapHandler();
            using var tappedChannel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = tap });
            var tappedClient = new InteropTest.InteropTestClient(tappedChannel);
            await (caseName == InteropCases.ClientCompressedUnary
                ? ClientCompressedUnaryAsync(tappedClient, tap)
                : ServerCompressedUnaryAsync(tappedClient, tap));
            return;
        }

        using var channel = GrpcChannel.ForAddress(address);
        var client = new InteropTest.InteropTestClient(channel);
        var task = caseName switch
        {
            InteropCases.EmptyUnary => EmptyUnaryAsync(client),
            InteropCases.LargeUnary => LargeUnaryAsync(client),
            InteropCases.ClientStreaming => ClientStreamingAsync(client),
            InteropCases.ServerStreaming => ServerStreamingAsync(client),
            InteropCases.PingPong => PingPongAsync(client),
            InteropCases.EmptyStream => EmptyStreamAsync(client),
            InteropCases.CustomMetadata => CustomMetadataAsync(client),
            InteropCases.StatusCodeAndMessage => StatusCodeAndMessageAsync(client),
            InteropCases.SpecialStatusMessage => ExpectEchoedUnaryStatusAsync(client, StatusCode.Unknown, SpecialStatusMessage),
            InteropCases.UnimplementedMethod => UnimplementedMethodAsync(client),
            InteropCases.UnimplementedService => UnimplementedServiceAsync(channel),
            InteropCases.TimeoutOnSleepingServer => TimeoutOnSleepingServerAsync(client),
            InteropCases.CancelAfterBegin => CancelAfterBeginAsync(client),
            InteropCases.CancelAfterFirstResponse => CancelAfterFirstResponseAsync(client),
            _ => throw new ArgumentOutOfRangeException(nameof(caseName), caseName, "no such interop case"),
        };
        await task;
    }

    private static async Task EmptyUnaryAsync(InteropTest.InteropTestClient client)
    {
        // The python server checks that the request was zero bytes on the wire.
        var response = await client.EmptyCallAsync(new EmptyCallRequest());
        Assert.NotNull(response);
    }

    private static async Task LargeUnaryAsync(InteropTest.InteropTestClient client)
    {
        var response = await client.UnaryCallAsync(InteropMessages.LargeUnaryRequest());
        InteropAssert.Zeros(response.Payload, LargeResponseSize);
    }

    private static async Task ClientStreamingAsync(InteropTest.InteropTestClient client)
    {
        using var call = client.StreamingInputCall();
        foreach (var size in StreamingRequestSizes)
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = InteropMessages.Zeros(size) });
        }

        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;
        Assert.Equal(AggregatedRequestSize, response.AggregatedPayloadSize);
    }

    private static async Task ServerStreamingAsync(InteropTest.InteropTestClient client)
    {
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.Add(StreamingResponseSizes.Select(size => new ResponseParameters { Size = size }));
        using var call = client.StreamingOutputCall(request);
        var sizes = new List<int>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            var payload = call.ResponseStream.Current.Payload;
            InteropAssert.Zeros(payload, payload.Body.Length);
            sizes.Add(payload.Body.Length);
        }

        Assert.Equal(StreamingResponseSizes, sizes);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    private static async Task PingPongAsync(InteropTest.InteropTestClient client)
    {
        using var call = client.FullDuplexCall();
        for (var i = 0; i < StreamingRequestSizes.Count; i++)
        {
            await call.RequestStream.WriteAsync(InteropMessages.DuplexRequest(StreamingResponseSizes[i], StreamingRequestSizes[i]));
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), $"no response to request {i}");
            InteropAssert.Zeros(call.ResponseStream.Current.Payload, StreamingResponseSizes[i]);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None), "a response after the half-close");
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    private static async Task EmptyStreamAsync(InteropTest.InteropTestClient client)
    {
        using var call = client.FullDuplexCall();
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None), "a response to an empty stream");
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    private static async Task CustomMetadataAsync(InteropTest.InteropTestClient client)
    {
        var headers = new Metadata
        {
            { EchoInitialKey, EchoInitialValue },
            { EchoTrailingKey, EchoTrailingValue },
        };

        using (var call = client.UnaryCallAsync(InteropMessages.LargeUnaryRequest(), headers))
        {
            InteropAssert.Zeros((await call.ResponseAsync).Payload, LargeResponseSize);
            InteropAssert.EchoedMetadata("unary", await call.ResponseHeadersAsync, call.GetTrailers());
        }

        using (var call = client.FullDuplexCall(headers))
        {
            await call.RequestStream.WriteAsync(InteropMessages.DuplexRequest(LargeResponseSize, LargeRequestSize));
            await call.RequestStream.CompleteAsync();
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "no duplex response");
            InteropAssert.Zeros(call.ResponseStream.Current.Payload, LargeResponseSize);
            Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None), "a second duplex response");
            InteropAssert.EchoedMetadata("duplex", await call.ResponseHeadersAsync, call.GetTrailers());
        }
    }

    private static async Task StatusCodeAndMessageAsync(InteropTest.InteropTestClient client)
    {
        await ExpectEchoedUnaryStatusAsync(client, StatusCode.Unknown, StatusMessage);

        using var call = client.FullDuplexCall();
        var request = new FullDuplexCallRequest { ResponseStatus = new EchoStatus { Code = (int)StatusCode.Unknown, Message = StatusMessage } };
        try
        {
            await call.RequestStream.WriteAsync(request);
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException e)
        {
            // The server may end the call before the client half-closes; the status must still be the echoed one.
            InteropAssert.Status(e, StatusCode.Unknown, StatusMessage, "duplex write");
        }
        catch (IOException)
        {
            // The same race seen from the transport (grpc-dotnet lets it escape too): the call's
            // status below is what the case asserts.
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        InteropAssert.Status(error, StatusCode.Unknown, StatusMessage, "duplex");
    }

    private static async Task ExpectEchoedUnaryStatusAsync(InteropTest.InteropTestClient client, StatusCode code, string message)
    {
        var request = new UnaryCallRequest { ResponseStatus = new EchoStatus { Code = (int)code, Message = message } };
        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryCallAsync(request).ResponseAsync);
        InteropAssert.Status(error, code, message, "unary");
    }

    private static async Task UnimplementedMethodAsync(InteropTest.InteropTestClient client)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnimplementedCallAsync(new UnimplementedCallRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    private static async Task UnimplementedServiceAsync(GrpcChannel channel)
    {
        var client = new UnimplementedService.UnimplementedServiceClient(channel);
        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnimplementedCallAsync(new UnimplementedCallRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    private static async Task TimeoutOnSleepingServerAsync(InteropTest.InteropTestClient client)
    {
        using var call = client.FullDuplexCall(deadline: DateTime.UtcNow.AddMilliseconds(1));
        try
        {
            await call.RequestStream.WriteAsync(new FullDuplexCallRequest { Payload = InteropMessages.Zeros(27_182) });
        }
        catch (RpcException e)
        {
            // The deadline may pass before the message is written.
            Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        }
        catch (IOException)
        {
            // Or the server's deadline may end the stream while the message is being written; with
            // grpc-dotnet against grpcio this escapes as an HttpProtocolException now and then.
            // The case asserts the call's status below.
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    private static async Task CancelAfterBeginAsync(InteropTest.InteropTestClient client)
    {
        using var cancellation = new CancellationTokenSource();
        using var call = client.StreamingInputCall(cancellationToken: cancellation.Token);
        await cancellation.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    private static async Task CancelAfterFirstResponseAsync(InteropTest.InteropTestClient client)
    {
        using var cancellation = new CancellationTokenSource();
        using var call = client.FullDuplexCall(cancellationToken: cancellation.Token);
        await call.RequestStream.WriteAsync(InteropMessages.DuplexRequest(31_415, 27_182));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "no first response");
        InteropAssert.Zeros(call.ResponseStream.Current.Payload, 31_415);

        await cancellation.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    private static async Task ClientCompressedUnaryAsync(InteropTest.InteropTestClient client, FrameTapHandler tap)
    {
        // Probe: the server must refuse an uncompressed message that claims to be compressed.
        var probe = await Assert.ThrowsAsync<RpcException>(
            () => client.UnaryCallAsync(InteropMessages.LargeUnaryRequest(expectCompressed: true)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, probe.StatusCode);
        Assert.True(tap.Exchanges[^1].RequestEncoding is null or "identity", $"probe sent grpc-encoding {tap.Exchanges[^1].RequestEncoding}");

        // The server checks the compressed flag of the message; the tap checks that it was announced.
        var gzip = new Metadata { { CompressionRequestHeader, "gzip" } };
        var compressed = await client.UnaryCallAsync(InteropMessages.LargeUnaryRequest(expectCompressed: true), gzip);
        InteropAssert.Zeros(compressed.Payload, LargeResponseSize);
        Assert.Equal("gzip", tap.Exchanges[^1].RequestEncoding);

        var uncompressed = await client.UnaryCallAsync(InteropMessages.LargeUnaryRequest(expectCompressed: false));
        InteropAssert.Zeros(uncompressed.Payload, LargeResponseSize);
    }

    /// <summary>Checks the compressed flag of each response message as it came off the wire.</summary>
    private static async Task ServerCompressedUnaryAsync(InteropTest.InteropTestClient client, FrameTapHandler tap)
    {
        foreach (var responseCompressed in new[] { true, false })
        {
            var response = await client.UnaryCallAsync(InteropMessages.LargeUnaryRequest(responseCompressed: responseCompressed));
            InteropAssert.Zeros(response.Payload, LargeResponseSize);

            var exchange = tap.Exchanges[^1];
            var frame = Assert.Single(exchange.ResponseFrames.Frames);
            Assert.True(
                frame.IsCompressed == responseCompressed,
                $"response_compressed={responseCompressed} but the response message's compressed flag was {frame.IsCompressed}");
            if (frame.IsCompressed)
            {
                Assert.Equal("gzip", exchange.ResponseEncoding);
            }
        }
    }
}
