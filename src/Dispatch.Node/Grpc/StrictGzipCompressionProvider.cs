using System.IO.Compression;
using Grpc.Core;
using Grpc.Net.Compression;

namespace Dispatch.Node.Grpc;

/// <summary>
/// grpc-dotnet's gzip, except that a message flagged as gzip whose bytes are not gzip answers INVALID_ARGUMENT
/// instead of UNKNOWN.
/// </summary>
internal sealed class StrictGzipCompressionProvider : ICompressionProvider
{
    private readonly GzipCompressionProvider _gzip = new(CompressionLevel.Fastest);

    public string EncodingName => _gzip.EncodingName;

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) => _gzip.CreateCompressionStream(stream, compressionLevel);

    public Stream CreateDecompressionStream(Stream stream) => new CheckedStream(_gzip.CreateDecompressionStream(stream));

    /// <summary>Reads through to the decompressor; its complaint about the bytes becomes a status.</summary>
    private sealed class CheckedStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Checked(() => inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (InvalidDataException)
            {
                throw NotGzip();
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private static int Checked(Func<int> read)
        {
            try
            {
                return read();
            }
            catch (InvalidDataException)
            {
                throw NotGzip();
            }
        }

        private static RpcException NotGzip() => new(new Status(StatusCode.InvalidArgument, "The message is flagged as gzip but is not gzip."));
    }
}
