using System.Text;
using Google.Protobuf.Reflection;

namespace Dispatch.Fuzzing;

/// <summary>
/// Writes a message of any descriptor field by field: plausible values (the node's own ids, small numbers,
/// defined enum values, timestamps near now) or hostile ones (huge and empty strings, bytes that are not UTF-8,
/// extreme numbers, NaN, undefined enum values, timestamps outside their range, fields repeated hundreds of times).
/// </summary>
public sealed class MessageForge(FuzzVocabulary vocabulary, Random random, DateTimeOffset now)
{
    private const int MaxDepth = 4;

    public byte[] Write(MessageDescriptor message, bool hostile)
    {
        var writer = new WireWriter();
        WriteMessage(writer, message, hostile, 0);
        return writer.ToArray();
    }

    private void WriteMessage(WireWriter writer, MessageDescriptor message, bool hostile, int depth)
    {
        if (message.FullName == "google.protobuf.Timestamp")
        {
            WriteTimestamp(writer, hostile);
            return;
        }

        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            // Leaving fields out is how proto3 says "default": a good share of real requests do it.
            if (random.Next(4) == 0)
            {
                continue;
            }

            var count = !field.IsRepeated ? 1 : hostile && random.Next(8) == 0 ? random.Next(20, 400) : random.Next(0, 4);
            for (var i = 0; i < count; i++)
            {
                WriteField(writer, field, hostile && random.Next(3) == 0, depth);
            }
        }
    }

    private void WriteField(WireWriter writer, FieldDescriptor field, bool hostile, int depth)
    {
        switch (field.FieldType)
        {
            case FieldType.String:
                writer.Tag(field.FieldNumber, WireWriter.LengthDelimited).Delimited(hostile ? HostileText() : Encoding.UTF8.GetBytes(PlausibleText(field.Name)));
                break;
            case FieldType.Bytes:
                writer.Tag(field.FieldNumber, WireWriter.LengthDelimited).Delimited(RandomBytes(hostile ? random.Next(0, 70_000) : random.Next(0, 64)));
                break;
            case FieldType.Message or FieldType.Group when depth < MaxDepth:
                var nested = new WireWriter();
                WriteMessage(nested, field.MessageType, hostile, depth + 1);
                writer.Tag(field.FieldNumber, WireWriter.LengthDelimited).Delimited(nested.ToArray());
                break;
            case FieldType.Message or FieldType.Group:
                break;
            case FieldType.Enum:
                writer.Tag(field.FieldNumber, WireWriter.Varint).RawVarint((ulong)EnumValue(field.EnumType, hostile));
                break;
            case FieldType.Bool:
                writer.Tag(field.FieldNumber, WireWriter.Varint).RawVarint(hostile ? (ulong)random.NextInt64() : (ulong)random.Next(2));
                break;
            case FieldType.Double:
                writer.Tag(field.FieldNumber, WireWriter.Fixed64).Fixed64Value((ulong)BitConverter.DoubleToInt64Bits(Real(field.Name, hostile)));
                break;
            case FieldType.Float:
                writer.Tag(field.FieldNumber, WireWriter.Fixed32).Fixed32Value(BitConverter.SingleToUInt32Bits((float)Real(field.Name, hostile)));
                break;
            case FieldType.Fixed32 or FieldType.SFixed32:
                writer.Tag(field.FieldNumber, WireWriter.Fixed32).Fixed32Value((uint)Integer(field.Name, hostile));
                break;
            case FieldType.Fixed64 or FieldType.SFixed64:
                writer.Tag(field.FieldNumber, WireWriter.Fixed64).Fixed64Value((ulong)Integer(field.Name, hostile));
                break;
            case FieldType.SInt32 or FieldType.SInt64:
                writer.Tag(field.FieldNumber, WireWriter.Varint).RawVarint(WireWriter.ZigZag(Integer(field.Name, hostile)));
                break;
            case FieldType.Int32:
                writer.Tag(field.FieldNumber, WireWriter.Varint).RawVarint((ulong)(long)(int)Integer(field.Name, hostile));
                break;
            default:
                writer.Tag(field.FieldNumber, WireWriter.Varint).RawVarint((ulong)Integer(field.Name, hostile));
                break;
        }
    }

    private void WriteTimestamp(WireWriter writer, bool hostile)
    {
        long seconds;
        int nanos;
        if (hostile && random.Next(2) == 0)
        {
            long[] extremes = [long.MaxValue, long.MinValue, 253_402_300_800, 253_402_300_799, -62_135_596_801, -62_135_596_800, -1, 0];
            int[] badNanos = [-1, 1_000_000_000, int.MaxValue, int.MinValue, 0, 999_999_999];
            seconds = extremes[random.Next(extremes.Length)];
            nanos = badNanos[random.Next(badNanos.Length)];
        }
        else
        {
            seconds = (now + TimeSpan.FromHours(random.Next(-24 * 400, 24 * 400))).ToUnixTimeSeconds();
            nanos = random.Next(0, 1_000_000_000);
        }

        writer.Tag(1, WireWriter.Varint).RawVarint((ulong)seconds);
        writer.Tag(2, WireWriter.Varint).RawVarint((ulong)(long)nanos);
    }

    private string PlausibleText(string field) =>
        vocabulary.PickString(field, random) is { } known && random.Next(8) != 0
            ? known
            : random.Next(3) switch
            {
                0 => "",
                1 => "Fuzz " + random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "Blocked drain near the north gate",
            };

    /// <summary>Text a well-behaved client would not send; as bytes, because some are not UTF-8 at all.</summary>
    private byte[] HostileText() => random.Next(10) switch
    {
        0 => Encoding.UTF8.GetBytes(new string('x', random.Next(1_000, 70_000))),
        1 => [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xFF, 0xFE],
        2 => [(byte)'a', 0xED, 0xA0, 0x80, (byte)'b'],  // an encoded surrogate half
        3 => Encoding.UTF8.GetBytes("\0\u0001\u001b[31m\r\n\t\u2028\u202e"),
        4 => Encoding.UTF8.GetBytes("'; DROP TABLE cases; --"),
        5 => Encoding.UTF8.GetBytes("   "),
        6 => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("\U0001F6A8漢字", random.Next(1, 3_000)))),
        7 => Encoding.UTF8.GetBytes("%00%ZZ%" + new string('%', random.Next(1, 500))),
        8 => RandomBytes(random.Next(1, 300)),
        _ => Encoding.UTF8.GetBytes("110105001001" + new string('9', random.Next(0, 40))),
    };

    private long EnumValue(EnumDescriptor type, bool hostile)
    {
        if (!hostile)
        {
            return type.Values[random.Next(type.Values.Count)].Number;
        }

        long[] undefined = [-1, type.Values.Max(v => v.Number) + 1, 99, int.MaxValue, int.MinValue, long.MaxValue];
        return undefined[random.Next(undefined.Length)];
    }

    private long Integer(string field, bool hostile)
    {
        if (!hostile)
        {
            return FuzzVocabulary.PickInteger(field, random);
        }

        long[] extremes = [int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, -1, 0, uint.MaxValue, 1L << 53];
        return extremes[random.Next(extremes.Length)];
    }

    private double Real(string field, bool hostile)
    {
        if (!hostile)
        {
            return field.Contains("lat", StringComparison.Ordinal) ? 39.9 + random.NextDouble()
                : field.Contains("lon", StringComparison.Ordinal) ? 116.4 + random.NextDouble()
                : random.NextDouble() * 10;
        }

        double[] extremes = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, double.Epsilon, -0.0, 1e308, -91, 181];
        return extremes[random.Next(extremes.Length)];
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
