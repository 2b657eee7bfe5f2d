using System.Buffers;

namespace Grpc.Core;

/// <summary>Gives a marshaller the payload of one received message.</summary>
public abstract class DeserializationContext
{
    public abstract int PayloadLength { get; }

    public virtual byte[] PayloadAsNewBuffer() => throw new NotImplementedException();

    /// <summary>The payload without a copy; valid only until the deserializer returns.</summary>
    public virtual ReadOnlySequence<byte> PayloadAsReadOnlySequence() => throw new NotImplementedException();
}
