using System.Buffers.Binary;
using System.Text;

namespace Dispatch.Fuzzing;

/// <summary>HTTP/2 frames and HPACK header blocks (literal fields only), enough to say anything on a raw connection.</summary>
internal sealed class Http2Frames
{
    public const byte Data = 0x0, Headers = 0x1, RstStream = 0x3, Settings = 0x4, Ping = 0x6, GoAway = 0x7, WindowUpdate = 0x8, Continuation = 0x9;
    public const byte EndStream = 0x1, EndHeaders = 0x4;

    private static readonly byte[] Preface = Encoding.ASCII.GetBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    private readonly List<byte> _bytes = [];

    public byte[] ToArray() => [.. _bytes];

    /// <summary>The client preface and an empty SETTINGS frame: how every connection starts.</summary>
    public Http2Frames Start()
    {
        _bytes.AddRange(Preface);
        return Frame(Settings, 0, 0, []);
    }

    public Http2Frames Raw(ReadOnlySpan<byte> bytes)
    {
        _bytes.AddRange(bytes.ToArray());
        return this;
    }

    /// <summary>A frame; <paramref name="declaredLength"/> may lie about the payload's length.</summary>
    public Http2Frames Frame(byte type, byte flags, int stream, ReadOnlySpan<byte> payload, int? declaredLength = null)
    {
        var length = declaredLength ?? payload.Length;
        _bytes.Add((byte)(length >> 16));
        _bytes.Add((byte)(length >> 8));
        _bytes.Add((byte)length);
        _bytes.Add(type);
        _bytes.Add(flags);
        Span<byte> id = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(id, stream);
        _bytes.AddRange(id.ToArray());
        _bytes.AddRange(payload.ToArray());
        return this;
    }

    public Http2Frames Reset(int stream, int code = 8) => Frame(RstStream, 0, stream, BigEndian(code));

    public Http2Frames Window(int stream, int increment) => Frame(WindowUpdate, 0, stream, BigEndian(increment));

    /// <summary>The request headers of a gRPC call, as one HPACK block of literal fields without indexing.</summary>
    public static byte[] RequestBlock(string path, IEnumerable<KeyValuePair<string, string>> extra)
    {
        var block = new List<byte>();
        KeyValuePair<string, string>[] pseudo = [new(":method", "POST"), new(":scheme", "http"), new(":path", path), new(":authority", "127.0.0.1")];
        foreach (var (name, value) in pseudo.Concat([new("content-type", GrpcHeaders.ContentType)]).Concat(extra))
        {
            block.Add(0x00);
            Literal(block, name);
            Literal(block, value);
        }

        return [.. block];
    }

    private static void Literal(List<byte> block, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        Integer(block, bytes.Length, 7, 0x00);
        block.AddRange(bytes);
    }

    private static void Integer(List<byte> block, int value, int prefixBits, byte flags)
    {
        var max = (1 << prefixBits) - 1;
        if (value < max)
        {
            block.Add((byte)(flags | value));
            return;
        }

        block.Add((byte)(flags | max));
        value -= max;
        while (value >= 0x80)
        {
            block.Add((byte)((value & 0x7F) | 0x80));
            value >>= 7;
        }

        block.Add((byte)value);
    }

    public static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}
