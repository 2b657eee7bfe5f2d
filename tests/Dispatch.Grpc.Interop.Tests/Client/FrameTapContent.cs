using System.Net;
using Dispatch.Grpc.Interop.Tests.Wire;

namespace Dispatch.Grpc.Interop.Tests.Client;

/// <summary>Wraps a response body so that a <see cref="GrpcFrameTap"/> sees its bytes as they are read.</summary>
internal sealed class FrameTapContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly GrpcFrameTap _tap;

    public FrameTapContent(HttpContent inner, GrpcFrameTap tap)
    {
        _inner = inner;
        _tap = tap;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new FrameTapReadStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _tap, ownsInner: true);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) =>
        new FrameTapReadStream(_inner.ReadAsStream(cancellationToken), _tap, ownsInner: true);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
