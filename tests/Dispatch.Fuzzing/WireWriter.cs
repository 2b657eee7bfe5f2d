using System.Text;

namespace Dispatch.Fuzzing;

/// <summary>
/// Protobuf's wire format written by hand, so a message can be anything the wire can carry: valid, or with wrong
/// wire types, overlong varints, lengths past the end and bytes that are not UTF-8.
/// </summary>
public sealed class WireWriter
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int StartGroup = 3;
    public const int EndGroup = 4;
    public const int Fixed32 = 5;

    private readonly List<byte> _bytes = [];

    public int Length => _bytes.Count;

    public byte[] ToArray() => [.. _bytes];

    public WireWriter Tag(int field, int wireType) => RawVarint(((ulong)(uint)field << 3) | (uint)wireType);

    public WireWriter RawVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        _bytes.Add((byte)value);
        return this;
    }

    /// <summary>A varint of <paramref name="count"/> bytes whatever its value: past ten bytes, no parser may accept it.</summary>
    public WireWriter OverlongVarint(int count)
    {
        for (var i = 0; i < count - 1; i++)
        {
            _bytes.Add(0xFF);
        }

        _bytes.Add(0x01);
        return this;
    }

    public WireWriter Fixed32Value(uint value) => Raw(BitConverter.GetBytes(value));

    public WireWriter Fixed64Value(ulong value) => Raw(BitConverter.GetBytes(value));

    public WireWriter Delimited(ReadOnlySpan<byte> payload)
    {
        RawVarint((ulong)payload.Length);
        return Raw(payload);
    }

    public WireWriter Delimited(string text) => Delimited(Encoding.UTF8.GetBytes(text));

    public WireWriter Raw(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _bytes.Add(b);
        }

        return this;
    }

    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
