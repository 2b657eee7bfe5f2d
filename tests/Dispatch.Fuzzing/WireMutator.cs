using Google.Protobuf.Reflection;

namespace Dispatch.Fuzzing;

/// <summary>Breaks an encoded message the ways a broken or hostile client does: flipped bits, cuts, fields of the wrong wire type, overlong varints, lengths past the end, stray groups.</summary>
public sealed class WireMutator(Random random)
{
    public (byte[] Bytes, string How) Mutate(byte[] message, MessageDescriptor descriptor)
    {
        var field = descriptor.Fields.InFieldNumberOrder() is { Count: > 0 } fields ? fields[random.Next(fields.Count)].FieldNumber : 1;
        switch (random.Next(9))
        {
            case 0:
                var flipped = message.Length == 0 ? [0xFF] : (byte[])message.Clone();
                for (var i = random.Next(1, 9); i > 0; i--)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                return (flipped, "bit flips");
            case 1:
                return (message[..random.Next(0, Math.Max(1, message.Length))], "truncated");
            case 2:
                var wrong = WrongWireType(field);
                return ([.. message, .. wrong], $"field {field} with a wrong wire type");
            case 3:
                var overlong = new WireWriter().Tag(field, WireWriter.Varint).OverlongVarint(random.Next(10, 13)).ToArray();
                return ([.. overlong, .. message], $"field {field} with an overlong varint");
            case 4:
                var pastEnd = new WireWriter().Tag(field, WireWriter.LengthDelimited).RawVarint(random.Next(2) == 0 ? int.MaxValue : (ulong)random.Next(10, 5_000)).Raw([1, 2, 3]).ToArray();
                return ([.. message, .. pastEnd], $"field {field} with a length past the end");
            case 5:
                var group = new WireWriter().Tag(field, random.Next(2) == 0 ? WireWriter.StartGroup : WireWriter.EndGroup).ToArray();
                return ([.. group, .. message], "a stray group tag");
            case 6:
                var zero = new WireWriter().Tag(0, random.Next(6)).Raw([0x00]).ToArray();
                return ([.. zero, .. message], "field number 0");
            case 7:
                var unknown = new WireWriter().Tag(random.Next(2) == 0 ? 536_870_911 : random.Next(100, 20_000), WireWriter.LengthDelimited).Delimited(new byte[random.Next(0, 2_000)]).ToArray();
                return ([.. message, .. unknown], "an unknown field");
            default:
                var repeated = Enumerable.Repeat(message, random.Next(2, 50)).SelectMany(m => m).ToArray();
                return (repeated, "the message repeated (merged fields)");
        }
    }

    private byte[] WrongWireType(int field)
    {
        var writer = new WireWriter();
        switch (random.Next(4))
        {
            case 0:
                return writer.Tag(field, WireWriter.Varint).RawVarint((ulong)random.NextInt64()).ToArray();
            case 1:
                return writer.Tag(field, WireWriter.Fixed64).Fixed64Value((ulong)random.NextInt64()).ToArray();
            case 2:
                return writer.Tag(field, WireWriter.Fixed32).Fixed32Value((uint)random.Next()).ToArray();
            default:
                return writer.Tag(field, WireWriter.LengthDelimited).Delimited([0x08, 0x96, 0x01, 0xFF]).ToArray();
        }
    }
}
