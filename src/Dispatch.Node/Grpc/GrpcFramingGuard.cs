using System.Buffers;
using System.Buffers.Binary;
using Grpc.Core;

namespace Dispatch.Node.Grpc;

/// <summary>
/// Reads the first gRPC frame header of a call before grpc-dotnet does and answers what grpc-dotnet would answer
/// UNKNOWN: a compressed flag other than 0 or 1 (INVALID_ARGUMENT) and a declared length past 2 GiB
/// (RESOURCE_EXHAUSTED, as grpc-dotnet answers lengths over its limit below that). Consumes nothing.
/// </summary>
internal sealed class GrpcFramingGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            await next(context);
            return;
        }

        var reader = context.Request.BodyReader;
        Status? refusal;
        try
        {
            var read = await reader.ReadAtLeastAsync(5, context.RequestAborted);
            refusal = Refusal(read.Buffer);
            reader.AdvanceTo(read.Buffer.Start);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException)
        {
            // The client reset the stream or dropped the connection: nobody to answer.
            return;
        }

        if (refusal is not { } status)
        {
            await next(context);
            return;
        }

        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(status.Detail);
    }

    private static Status? Refusal(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < 5)
        {
            return null;
        }

        Span<byte> header = stackalloc byte[5];
        buffer.Slice(0, 5).CopyTo(header);
        return header[0] > 1
            ? new Status(StatusCode.InvalidArgument, "The message's compressed flag must be 0 or 1.")
            : BinaryPrimitives.ReadUInt32BigEndian(header[1..]) > int.MaxValue
                ? new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size.")
                : null;
    }
}
