using System.Buffers;

namespace Grpc.Core;

/// <summary>Where a marshaller writes one serialized message.</summary>
public abstract class SerializationContext
{
    /// <summary>Hands over the whole payload at once.</summary>
    public virtual void Complete(byte[] payload) => throw new NotImplementedException();

    /// <summary>Declares the payload size up front, so the frame header can be written before the payload.</summary>
    public virtual void SetPayloadLength(int payloadLength) => throw new NotImplementedException();

    public virtual IBufferWriter<byte> GetBufferWriter() => throw new NotImplementedException();

    /// <summary>Ends a payload written through <see cref="GetBufferWriter"/>.</summary>
    public virtual void Complete() => throw new NotImplementedException();
}
