using Dispatch.Grpc.Interop.Tests.Cases;
using Dispatch.Grpc.Interop.Tests.V1;
using Dispatch.Grpc.Interop.Tests.Wire;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Dispatch.Grpc.Interop.Tests.Server;

/// <summary>
/// The interop server features on the Dispatch runtime. UnimplementedCall is deliberately left to
/// the generated base class, and UnimplementedService is never mapped.
/// </summary>
internal sealed class InteropTestService(IHttpContextAccessor httpContextAccessor) : InteropTest.InteropTestBase
{
    public override Task<EmptyCallResponse> EmptyCall(EmptyCallRequest request, ServerCallContext context) =>
        Task.FromResult(new EmptyCallResponse());

    public override async Task<UnaryCallResponse> UnaryCall(UnaryCallRequest request, ServerCallContext context)
    {
        await EchoMetadataAsync(context, compressResponses: request.HasResponseCompressed && request.ResponseCompressed);
        if (request.HasResponseCompressed && !request.ResponseCompressed)
        {
            context.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        }

        if (request.HasExpectCompressed)
        {
            var compressed = RequestMessageWasCompressed();
            if (compressed != request.ExpectCompressed)
            {
                throw new RpcException(new Status(
                    StatusCode.InvalidArgument,
                    $"expected a request message with compressed flag {request.ExpectCompressed}, got {compressed}"));
            }
        }

        ThrowIfEchoStatus(request.ResponseStatus);
        return new UnaryCallResponse { Payload = Zeros(request.ResponseSize) };
    }

    public override async Task StreamingOutputCall(
        StreamingOutputCallRequest request,
        IServerStreamWriter<StreamingOutputCallResponse> responseStream,
        ServerCallContext context)
    {
        await EchoMetadataAsync(context, compressResponses: request.ResponseParameters.Any(p => p.HasCompressed && p.Compressed));
        ThrowIfEchoStatus(request.ResponseStatus);
        foreach (var parameters in request.ResponseParameters)
        {
            context.WriteOptions = parameters.HasCompressed && !parameters.Compressed
                ? new WriteOptions(WriteFlags.NoCompress)
                : WriteOptions.Default;
            await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = Zeros(parameters.Size) });
        }
    }

    public override async Task<StreamingInputCallResponse> StreamingInputCall(
        IAsyncStreamReader<StreamingInputCallRequest> requestStream,
        ServerCallContext context)
    {
        await EchoMetadataAsync(context, compressResponses: false);
        var total = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            total += requestStream.Current.Payload?.Body.Length ?? 0;
        }

        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    public override async Task FullDuplexCall(
        IAsyncStreamReader<FullDuplexCallRequest> requestStream,
        IServerStreamWriter<FullDuplexCallResponse> responseStream,
        ServerCallContext context)
    {
        await EchoMetadataAsync(context, compressResponses: false);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = requestStream.Current;
            ThrowIfEchoStatus(request.ResponseStatus);
            foreach (var parameters in request.ResponseParameters)
            {
                await responseStream.WriteAsync(new FullDuplexCallResponse { Payload = Zeros(parameters.Size) });
            }
        }
    }

    /// <summary>
    /// Echoes the initial echo key in the response headers and the -bin echo key in the trailers;
    /// asks the runtime to gzip the responses when requested.
    /// </summary>
    private static async Task EchoMetadataAsync(ServerCallContext context, bool compressResponses)
    {
        var responseHeaders = new Metadata();
        foreach (var entry in context.RequestHeaders)
        {
            if (entry.Key == InteropConstants.EchoInitialKey)
            {
                responseHeaders.Add(entry);
            }
            else if (entry.Key == InteropConstants.EchoTrailingKey)
            {
                context.ResponseTrailers.Add(entry);
            }
        }

        if (compressResponses)
        {
            responseHeaders.Add(InteropConstants.CompressionRequestHeader, "gzip");
        }

        if (responseHeaders.Count > 0)
        {
            await context.WriteResponseHeadersAsync(responseHeaders);
        }
    }

    /// <summary>The compressed flag of the single request message, read off the wire.</summary>
    private bool RequestMessageWasCompressed()
    {
        var tap = httpContextAccessor.HttpContext?.Features.Get<GrpcFrameTap>();
        if (tap is null)
        {
            // No tap: the request announced no grpc-encoding (see CompressedRequestTapMiddleware),
            // and a message with the compressed flag set but no encoding never reaches a handler.
            return false;
        }

        var frames = tap.Frames;
        if (frames.Count != 1)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"the frame tap saw {frames.Count} request messages, expected 1"));
        }

        return frames[0].IsCompressed;
    }

    private static void ThrowIfEchoStatus(EchoStatus? status)
    {
        if (status is not null && status.Code != 0)
        {
            throw new RpcException(new Status((StatusCode)status.Code, status.Message));
        }
    }

    private static Payload Zeros(int size) => InteropMessages.Zeros(size);
}
