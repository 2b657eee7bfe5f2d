using System.Buffers;
using System.Buffers.Binary;
using Grpc.Core;

namespace Grpc.Internal;

/// <summary>The length-prefixed message: 1 byte compressed flag, 4 bytes big-endian length, payload.</summary>
internal static class MessageFrame
{
    public static void WriteHeader(IBufferWriter<byte> output, bool compressed, int length)
    {
        var span = output.GetSpan(GrpcProtocol.HeaderSize);
        WriteHeader(span, compressed, length);
        output.Advance(GrpcProtocol.HeaderSize);
    }

    public static void WriteHeader(Span<byte> span, bool compressed, int length)
    {
        span[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)length);
    }

    /// <summary>
    /// Takes one whole frame off the front of <paramref name="buffer"/>, if it holds one. Fails with
    /// RESOURCE_EXHAUSTED as soon as the header announces a payload over the limit, before it is buffered.
    /// </summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int? maxSize, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < GrpcProtocol.HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        var length = ReadHeader(header, maxSize, out compressed);
        if (buffer.Length < GrpcProtocol.HeaderSize + length)
        {
            return false;
        }

        payload = buffer.Slice(GrpcProtocol.HeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    public static int ReadHeader(ReadOnlySpan<byte> header, int? maxSize, out bool compressed)
    {
        compressed = header[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new RpcException(new Status(StatusCode.Internal, $"Message frame has an invalid compressed flag {header[0]}.")),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)(maxSize ?? int.MaxValue))
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."));
        }

        return (int)length;
    }
}
