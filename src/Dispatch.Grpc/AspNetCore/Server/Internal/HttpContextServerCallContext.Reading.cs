using System.Buffers;
using Grpc.Core;
using Grpc.Internal;

namespace Grpc.AspNetCore.Server.Internal;

internal sealed partial class HttpContextServerCallContext
{
    /// <summary>Reads the single request message of a unary or server-streaming call: the whole body.</summary>
    public async ValueTask<T> ReadSingleMessageAsync<T>(Marshaller<T> marshaller)
    {
        var reader = HttpContext.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(CancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (MessageFrame.TryRead(ref buffer, _options.MaxReceiveMessageSize, out var compressed, out var payload))
            {
                if (buffer.Length > 0)
                {
                    throw new RpcException(new Status(StatusCode.Internal, "Additional data after the message received."));
                }

                if (result.IsCompleted)
                {
                    var message = Deserialize(payload, compressed, marshaller);
                    reader.AdvanceTo(result.Buffer.End);
                    return message;
                }
            }
            else if (result.IsCompleted)
            {
                throw new RpcException(new Status(
                    StatusCode.Internal,
                    result.Buffer.Length == 0 ? "Request did not include a message." : "Incomplete message."));
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>Reads the next message of a request stream; false at the end of the stream.</summary>
    public async ValueTask<(bool Read, T? Message)> ReadNextMessageAsync<T>(Marshaller<T> marshaller, CancellationToken cancellationToken)
    {
        var reader = HttpContext.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (MessageFrame.TryRead(ref buffer, _options.MaxReceiveMessageSize, out var compressed, out var payload))
            {
                var message = Deserialize(payload, compressed, marshaller);
                reader.AdvanceTo(buffer.Start);
                return (true, message);
            }

            if (result.IsCompleted)
            {
                if (buffer.Length > 0)
                {
                    throw new RpcException(new Status(StatusCode.Internal, "Incomplete message."));
                }

                reader.AdvanceTo(buffer.End);
                return (false, default);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private T Deserialize<T>(ReadOnlySequence<byte> payload, bool compressed, Marshaller<T> marshaller)
    {
        if (compressed)
        {
            if (_requestEncoding is null)
            {
                throw new RpcException(new Status(StatusCode.Internal, "Request sent 'identity' grpc-encoding value with compressed message."));
            }

            var provider = MessageCompression.Find(_options.CompressionProviders, _requestEncoding) ??
                throw new RpcException(new Status(
                    StatusCode.Unimplemented,
                    $"Unsupported grpc-encoding value '{_requestEncoding}'. Supported encodings: {_options.AcceptEncoding}"));
            payload = new ReadOnlySequence<byte>(MessageCompression.Decompress(provider, payload, _options.MaxReceiveMessageSize));
        }

        _deserializationContext.Reset(payload);
        try
        {
            return marshaller.ContextualDeserializer(_deserializationContext);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize request message.", ex));
        }
        finally
        {
            _deserializationContext.Reset(default);
        }
    }
}
