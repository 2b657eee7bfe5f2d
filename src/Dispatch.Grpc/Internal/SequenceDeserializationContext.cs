using System.Buffers;
using Grpc.Core;

namespace Grpc.Internal;

/// <summary>A reusable context over a received payload; one per call, reset for each message.</summary>
internal sealed class SequenceDeserializationContext : DeserializationContext
{
    private ReadOnlySequence<byte> _payload;

    public override int PayloadLength => checked((int)_payload.Length);

    public void Reset(ReadOnlySequence<byte> payload) => _payload = payload;

    public override byte[] PayloadAsNewBuffer() => _payload.ToArray();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => _payload;
}
