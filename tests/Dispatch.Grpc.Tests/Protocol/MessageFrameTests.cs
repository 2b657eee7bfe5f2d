using System.Buffers;
using Grpc.Core;
using Grpc.Internal;
using Grpc.Net.Compression;

namespace Dispatch.Grpc.Tests.Protocol;

public sealed class MessageFrameTests
{
    [Fact]
    public void WriteHeader_Length_BigEndianWithFlag()
    {
        var header = new byte[5];
        MessageFrame.WriteHeader(header, compressed: true, 0x01020304);
        Assert.Equal(new byte[] { 1, 1, 2, 3, 4 }, header);
    }

    [Fact]
    public void TryRead_FrameSplitAcrossSegments_ReadsWholePayload()
    {
        var sequence = Segments([0, 0, 0], [0, 3, 7], [8, 9, 0, 0]);
        Assert.True(MessageFrame.TryRead(ref sequence, maxSize: null, out var compressed, out var payload));
        Assert.False(compressed);
        Assert.Equal(new byte[] { 7, 8, 9 }, payload.ToArray());
        Assert.Equal(2, sequence.Length);
    }

    [Fact]
    public void TryRead_Incomplete_False()
    {
        var sequence = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0, 0, 5, 1, 2 });
        Assert.False(MessageFrame.TryRead(ref sequence, maxSize: null, out _, out _));
        Assert.Equal(7, sequence.Length);
    }

    [Fact]
    public void TryRead_OverLimit_ResourceExhaustedBeforePayloadArrives()
    {
        var sequence = new ReadOnlySequence<byte>(new byte[] { 0, 0, 1, 0, 0 });
        var error = Assert.Throws<RpcException>(() => MessageFrame.TryRead(ref sequence, maxSize: 1000, out _, out _));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public void TryRead_BadFlag_Internal()
    {
        var sequence = new ReadOnlySequence<byte>(new byte[] { 2, 0, 0, 0, 0 });
        var error = Assert.Throws<RpcException>(() => MessageFrame.TryRead(ref sequence, maxSize: null, out _, out _));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public void SerializationContext_DeclaredLength_WritesHeaderThenPayloadDirectly()
    {
        var output = new ArrayBufferWriter<byte>();
        var context = new FrameSerializationContext();
        context.Start(output, maxSize: null, compression: null, level: null);
        context.SetPayloadLength(2);
        context.GetBufferWriter().Write(new byte[] { 5, 6 });
        context.Complete();
        context.EnsureCompleted();
        Assert.Equal(new byte[] { 0, 0, 0, 0, 2, 5, 6 }, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void SerializationContext_Compressed_FlagSetAndPayloadInflatesBack()
    {
        var output = new ArrayBufferWriter<byte>();
        var context = new FrameSerializationContext();
        var gzip = new GzipCompressionProvider(System.IO.Compression.CompressionLevel.Fastest);
        context.Start(output, maxSize: null, gzip, level: null);
        context.Complete(new byte[1000]);
        var sequence = new ReadOnlySequence<byte>(output.WrittenMemory);
        Assert.True(MessageFrame.TryRead(ref sequence, maxSize: null, out var compressed, out var payload));
        Assert.True(compressed);
        Assert.True(payload.Length < 1000);
        Assert.Equal(new byte[1000], MessageCompression.Decompress(gzip, payload, maxSize: null));
    }

    [Fact]
    public void SerializationContext_OverSendLimit_ResourceExhaustedAndNothingWritten()
    {
        var output = new ArrayBufferWriter<byte>();
        var context = new FrameSerializationContext();
        context.Start(output, maxSize: 10, compression: null, level: null);
        var error = Assert.Throws<RpcException>(() => context.SetPayloadLength(11));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void SerializationContext_NeverCompleted_EnsureCompletedThrows()
    {
        var context = new FrameSerializationContext();
        context.Start(new ArrayBufferWriter<byte>(), maxSize: null, compression: null, level: null);
        Assert.Throws<InvalidOperationException>(context.EnsureCompleted);
    }

    [Fact]
    public void Decompress_OverLimit_ResourceExhausted()
    {
        var gzip = new GzipCompressionProvider(System.IO.Compression.CompressionLevel.Fastest);
        var compressed = MessageCompression.Compress(gzip, null, new byte[100_000]);
        var error = Assert.Throws<RpcException>(() => MessageCompression.Decompress(gzip, new ReadOnlySequence<byte>(compressed), maxSize: 1000));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public void Decompress_Garbage_Internal()
    {
        var gzip = new GzipCompressionProvider(System.IO.Compression.CompressionLevel.Fastest);
        var error = Assert.Throws<RpcException>(() => MessageCompression.Decompress(gzip, new ReadOnlySequence<byte>(new byte[] { 1, 2, 3, 4 }), null));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    private static ReadOnlySequence<byte> Segments(params byte[][] parts)
    {
        var first = new Segment(parts[0], 0);
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            last = last.Append(part);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data, long runningIndex)
        {
            Memory = data;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] data)
        {
            var next = new Segment(data, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
