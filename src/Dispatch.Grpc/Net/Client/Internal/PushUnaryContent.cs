using System.Net;

namespace Grpc.Net.Client.Internal;

/// <summary>The body of a single-request call: one serialized frame.</summary>
internal sealed class PushUnaryContent(ReadOnlyMemory<byte> frame) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(frame).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(frame, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
