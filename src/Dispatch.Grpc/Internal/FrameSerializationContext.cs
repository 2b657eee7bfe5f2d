using System.Buffers;
using System.IO.Compression;
using Grpc.Core;
using Grpc.Net.Compression;

namespace Grpc.Internal;

/// <summary>
/// Serializes one message as a whole frame into an output buffer. When the marshaller declares the
/// payload length up front and nothing is compressed, the header goes first and the payload is written
/// straight into the output: no intermediate copy. Reused for every message of a call.
/// </summary>
internal sealed class FrameSerializationContext : SerializationContext
{
    private IBufferWriter<byte> _output = null!;
    private int? _maxSize;
    private ICompressionProvider? _compression;
    private CompressionLevel? _level;
    private ArrayBufferWriter<byte>? _scratch;
    private bool _direct;
    private bool _completed;

    public void Start(IBufferWriter<byte> output, int? maxSize, ICompressionProvider? compression, CompressionLevel? level)
    {
        _output = output;
        _maxSize = maxSize;
        _compression = compression;
        _level = level;
        _direct = false;
        _completed = false;
        _scratch?.ResetWrittenCount();
    }

    /// <summary>Throws when the marshaller returned without completing its payload.</summary>
    public void EnsureCompleted()
    {
        if (!_completed)
        {
            throw new InvalidOperationException("The message serializer did not complete the payload.");
        }
    }

    public override void SetPayloadLength(int payloadLength)
    {
        CheckSize(payloadLength);
        if (_compression is null)
        {
            MessageFrame.WriteHeader(_output, compressed: false, payloadLength);
            _direct = true;
        }
    }

    public override IBufferWriter<byte> GetBufferWriter() => _direct ? _output : _scratch ??= new ArrayBufferWriter<byte>();

    public override void Complete(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        CheckSize(payload.Length);
        WriteFrame(payload);
    }

    public override void Complete()
    {
        if (_direct)
        {
            _completed = true;
            return;
        }

        var payload = (_scratch ?? new ArrayBufferWriter<byte>(1)).WrittenSpan;
        CheckSize(payload.Length);
        WriteFrame(payload);
    }

    private void WriteFrame(ReadOnlySpan<byte> payload)
    {
        if (_compression is not null)
        {
            var compressed = MessageCompression.Compress(_compression, _level, payload);
            MessageFrame.WriteHeader(_output, compressed: true, compressed.Length);
            _output.Write(compressed);
        }
        else
        {
            MessageFrame.WriteHeader(_output, compressed: false, payload.Length);
            _output.Write(payload);
        }

        _completed = true;
    }

    private void CheckSize(int length)
    {
        if (length > _maxSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size."));
        }
    }
}
