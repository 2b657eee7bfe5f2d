namespace Dispatch.Fuzzing;

/// <summary>One HTTP/2 request to the node's gRPC port, as sent: the path, the body (gRPC-framed or not) and every header.</summary>
public sealed record FuzzRequest(string Path, byte[] Body, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>The gRPC length-prefixed frame: a compression flag, a big-endian length (as declared, whatever the payload's), the payload.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload, byte compressed = 0, uint? declaredLength = null)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = compressed;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(5));
        return frame;
    }
}
