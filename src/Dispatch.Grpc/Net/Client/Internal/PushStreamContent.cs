using System.Net;

namespace Grpc.Net.Client.Internal;

/// <summary>A request body written while the call runs: hands its stream to the call's writer.</summary>
internal sealed class PushStreamContent(Action<Stream> onStream, Task completion) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        onStream(stream);
        await completion.ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        // Length unknown: the body is a stream of messages, so no content-length header is sent.
        length = -1;
        return false;
    }
}
