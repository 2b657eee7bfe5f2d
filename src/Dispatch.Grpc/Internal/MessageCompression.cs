using System.Buffers;
using System.IO.Compression;
using Grpc.Core;
using Grpc.Net.Compression;

namespace Grpc.Internal;

/// <summary>Per-message compression, and the encoding negotiation both sides share.</summary>
internal static class MessageCompression
{
    public static readonly IReadOnlyList<ICompressionProvider> DefaultProviders =
        [new GzipCompressionProvider(CompressionLevel.Fastest)];

    public static string AcceptEncodingValue(IReadOnlyList<ICompressionProvider> providers)
    {
        var names = new string[providers.Count + 1];
        names[0] = GrpcProtocol.IdentityEncoding;
        for (var i = 0; i < providers.Count; i++)
        {
            names[i + 1] = providers[i].EncodingName;
        }

        return string.Join(',', names);
    }

    public static ICompressionProvider? Find(IReadOnlyList<ICompressionProvider> providers, string name)
    {
        foreach (var provider in providers)
        {
            if (string.Equals(provider.EncodingName, name, StringComparison.Ordinal))
            {
                return provider;
            }
        }

        return null;
    }

    /// <summary>Whether a comma-separated <c>grpc-accept-encoding</c> value names the encoding.</summary>
    public static bool Accepts(string? acceptEncoding, string encoding)
    {
        if (acceptEncoding is null)
        {
            return false;
        }

        foreach (var range in acceptEncoding.AsSpan().Split(','))
        {
            if (acceptEncoding.AsSpan()[range].Trim().SequenceEqual(encoding))
            {
                return true;
            }
        }

        return false;
    }

    public static byte[] Compress(ICompressionProvider provider, CompressionLevel? level, ReadOnlySpan<byte> payload)
    {
        var output = new MemoryStream();
        using (var compressor = provider.CreateCompressionStream(output, level))
        {
            compressor.Write(payload);
        }

        return output.ToArray();
    }

    /// <summary>Decompresses a payload, failing with RESOURCE_EXHAUSTED past the receive limit.</summary>
    public static byte[] Decompress(ICompressionProvider provider, ReadOnlySequence<byte> payload, int? maxSize)
    {
        using var input = new SequenceStream(payload);
        using var decompressor = provider.CreateDecompressionStream(input);
        var output = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = decompressor.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (maxSize is not null && output.Length + read > maxSize)
                {
                    throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."));
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Failed to decompress message with '{provider.EncodingName}': {ex.Message}"));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return output.ToArray();
    }
}
