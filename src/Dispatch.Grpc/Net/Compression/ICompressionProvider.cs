using System.IO.Compression;

namespace Grpc.Net.Compression;

/// <summary>One message compression algorithm, named as in <c>grpc-encoding</c>.</summary>
public interface ICompressionProvider
{
    string EncodingName { get; }

    Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel);

    Stream CreateDecompressionStream(Stream stream);
}
