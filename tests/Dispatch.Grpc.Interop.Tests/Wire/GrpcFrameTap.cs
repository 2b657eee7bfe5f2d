using System.Buffers.Binary;

namespace Dispatch.Grpc.Interop.Tests.Wire;

/// <summary>
/// Follows the length-prefixed message framing of one gRPC body while its bytes pass by, and
/// records every message prefix. The runtime offers no API that tells whether a received
/// message was compressed, so the interop tests read the flag off the bytes themselves.
/// </summary>
/// <remarks>Bytes arrive in chunks that need not line up with messages.</remarks>
public sealed class GrpcFrameTap
{
    private const int PrefixLength = 5;

    private readonly Lock _lock = new();
    private readonly byte[] _prefix = new byte[PrefixLength];
    private readonly List<GrpcFrame> _frames = [];
    private int _prefixFilled;
    private long _payloadRemaining;

    /// <summary>The prefixes seen so far, in order.</summary>
    public IReadOnlyList<GrpcFrame> Frames
    {
        get
        {
            lock (_lock)
            {
                return [.. _frames];
            }
        }
    }

    public void Observe(ReadOnlySpan<byte> bytes)
    {
        lock (_lock)
        {
            while (!bytes.IsEmpty)
            {
                if (_payloadRemaining > 0)
                {
                    var skipped = (int)Math.Min(_payloadRemaining, bytes.Length);
                    _payloadRemaining -= skipped;
                    bytes = bytes[skipped..];
                    continue;
                }

                var copied = Math.Min(PrefixLength - _prefixFilled, bytes.Length);
                bytes[..copied].CopyTo(_prefix.AsSpan(_prefixFilled));
                _prefixFilled += copied;
                bytes = bytes[copied..];
                if (_prefixFilled == PrefixLength)
                {
                    var frame = new GrpcFrame(_prefix[0], BinaryPrimitives.ReadUInt32BigEndian(_prefix.AsSpan(1)));
                    _frames.Add(frame);
                    _payloadRemaining = frame.Length;
                    _prefixFilled = 0;
                }
            }
        }
    }
}
