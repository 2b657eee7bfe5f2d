using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Internal;

namespace Grpc.Net.Client.Internal;

internal sealed partial class GrpcCall<TRequest, TResponse>
{
    private readonly SequenceDeserializationContext _deserializationContext = new();
    private readonly byte[] _frameHeader = new byte[GrpcProtocol.HeaderSize];
    private HttpResponseMessage? _response;
    private Stream? _responseStream;
    private string? _responseEncoding;
    private bool _hasDeadline;

    /// <summary>Sends the request; the task completes once valid response headers arrived.</summary>
    private Task<bool> Send(HttpContent content)
    {
        try
        {
            TimeSpan? timeout = null;
            if (_options.Deadline is { } deadline && deadline != DateTime.MaxValue)
            {
                var remaining = deadline.ToUniversalTime() - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero)
                {
                    throw new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
                }

                timeout = remaining;
                _hasDeadline = true;
                _cts.CancelAfter(remaining);
            }

            if (_options.CancellationToken.CanBeCanceled)
            {
                _options.CancellationToken.ThrowIfCancellationRequested();
                _userCancellation = _options.CancellationToken.UnsafeRegister(
                    static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(new Status(StatusCode.Cancelled, "Call canceled by the client.")),
                    this);
            }

            return SendCoreAsync(CreateRequest(content, timeout));
        }
        catch (OperationCanceledException) when (_options.CancellationToken.IsCancellationRequested)
        {
            return Task.FromException<bool>(Fail(new RpcException(new Status(StatusCode.Cancelled, "Call canceled by the client."))));
        }
        catch (Exception ex)
        {
            return Task.FromException<bool>(Fail(ex));
        }
    }

    private async Task<bool> SendCoreAsync(HttpRequestMessage request)
    {
        try
        {
            await ApplyCallCredentialsAsync(request).ConfigureAwait(false);
            var response = await _channel.SendAsync(request, CallToken).ConfigureAwait(false);
            _response = response;
            if (CheckResponse(response) is { } status)
            {
                var trailers = ReadMetadata(response.Headers);
                if (status.StatusCode != StatusCode.OK)
                {
                    Finish(status, trailers);
                    throw new RpcException(status, trailers);
                }

                // Trailers-only OK: a stream that ended without messages.
                _responseHeaders.TrySetResult(trailers);
                _responseStream = Stream.Null;
                Finish(status, trailers);
                return true;
            }

            _responseHeaders.TrySetResult(ReadMetadata(response.Headers));
            if (response.Headers.TryGetValues(GrpcProtocol.EncodingHeader, out var encodings))
            {
                _responseEncoding = encodings.FirstOrDefault() is { } name && name != GrpcProtocol.IdentityEncoding ? name : null;
            }

            _responseStream = await response.Content.ReadAsStreamAsync(CallToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex)
        {
            throw Fail(ex);
        }
    }

    private async Task ApplyCallCredentialsAsync(HttpRequestMessage request)
    {
        var channelCredentials = _channel.CallCredentials;
        var callCredentials = _options.Credentials;
        if (channelCredentials is null && callCredentials is null)
        {
            return;
        }

        if (!_channel.IsSecure && !_channel.AllowInsecureCallCredentials)
        {
            throw new InvalidOperationException(
                "Call credentials on an insecure channel need GrpcChannelOptions.UnsafeUseInsecureChannelCallCredentials = true.");
        }

        var metadata = new Metadata();
        var serviceUrl = new Uri(_channel.Address, "/" + _method.ServiceName).ToString();
        var context = new AuthInterceptorContext(serviceUrl, _method.Name, CallToken);
        foreach (var credentials in new[] { channelCredentials, callCredentials })
        {
            foreach (var interceptor in credentials?.Interceptors ?? [])
            {
                await interceptor(context, metadata).ConfigureAwait(false);
            }
        }

        foreach (var entry in metadata)
        {
            request.Headers.TryAddWithoutValidation(entry.Key, MetadataHeaders.ToHeaderValue(entry));
        }
    }

    /// <summary>The status of a response that ends the call at its headers (trailers-only or not gRPC), else null.</summary>
    private static Status? CheckResponse(HttpResponseMessage response)
    {
        if (ReadStatus(response.Headers) is { } trailersOnly)
        {
            return trailersOnly;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            var code = (int)response.StatusCode;
            return new Status(HttpStatusMapping.ToStatusCode(code), $"Bad gRPC response. HTTP status code: {code}");
        }

        var contentType = response.Content.Headers.TryGetValues("content-type", out var values) ? values.FirstOrDefault() : null;
        return GrpcProtocol.IsGrpcContentType(contentType)
            ? null
            : new Status(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType}");
    }

    private async Task<TResponse> RunSingleResponseAsync(Task<bool> send)
    {
        try
        {
            await send.ConfigureAwait(false);
            var message = await ReadMessageAsync(CallToken).ConfigureAwait(false);
            if (message is not null && await ReadMessageAsync(CallToken).ConfigureAwait(false) is not null)
            {
                throw new RpcException(new Status(StatusCode.Internal, "The response has more than one message for a single-response call."));
            }

            var status = FinishFromTrailers();
            if (status.StatusCode == StatusCode.OK && message is null)
            {
                throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize response message: the response has no message."));
            }

            return status.StatusCode == StatusCode.OK ? message! : throw new RpcException(status, _trailers!);
        }
        catch (Exception ex)
        {
            throw Fail(ex);
        }
        finally
        {
            ReleaseResponse();
        }
    }

    /// <summary>Reads the status and trailers once the response body has ended, and finishes the call.</summary>
    private Status FinishFromTrailers()
    {
        var response = _response!;
        var status = ReadStatus(response.TrailingHeaders)
            ?? ReadStatus(response.Headers)
            ?? new Status(StatusCode.Internal, "No grpc-status found on response.");
        return Finish(status, ReadMetadata(response.TrailingHeaders));
    }

    private void ReleaseResponse()
    {
        if (_hasDeadline)
        {
            try
            {
                _cts.CancelAfter(Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
            }
        }

        _response?.Dispose();
    }

    /// <summary>The next message of the response, or null at its end.</summary>
    private async ValueTask<TResponse?> ReadMessageAsync(CancellationToken cancellationToken)
    {
        var stream = _responseStream!;
        var read = await stream.ReadAtLeastAsync(_frameHeader, GrpcProtocol.HeaderSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }

        if (read < GrpcProtocol.HeaderSize)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Incomplete message: the response ended inside a frame header."));
        }

        var length = MessageFrame.ReadHeader(_frameHeader, _channel.MaxReceiveMessageSize, out var compressed);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            try
            {
                await stream.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            }
            catch (EndOfStreamException)
            {
                throw new RpcException(new Status(StatusCode.Internal, "Incomplete message: the response ended inside a message."));
            }

            var payload = new ReadOnlySequence<byte>(buffer, 0, length);
            if (compressed)
            {
                payload = new ReadOnlySequence<byte>(Decompress(payload));
            }

            _deserializationContext.Reset(payload);
            try
            {
                return _method.ResponseMarshaller.ContextualDeserializer(_deserializationContext);
            }
            catch (Exception ex) when (ex is not RpcException)
            {
                throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize response message.", ex));
            }
        }
        finally
        {
            _deserializationContext.Reset(default);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private byte[] Decompress(ReadOnlySequence<byte> payload)
    {
        if (_responseEncoding is null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Response sent 'identity' grpc-encoding value with compressed message."));
        }

        var provider = MessageCompression.Find(_channel.CompressionProviders, _responseEncoding) ??
            throw new RpcException(new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{_responseEncoding}'."));
        return MessageCompression.Decompress(provider, payload, _channel.MaxReceiveMessageSize);
    }

    private static Status? ReadStatus(HttpHeaders headers)
    {
        if (!headers.NonValidated.TryGetValues(GrpcProtocol.StatusTrailer, out var values))
        {
            return null;
        }

        var text = values.ToString();
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return new Status(StatusCode.Unknown, $"Unexpected grpc-status value '{text}'.");
        }

        var detail = headers.NonValidated.TryGetValues(GrpcProtocol.MessageTrailer, out var message)
            ? PercentEncoding.Decode(message.ToString())
            : "";
        return new Status((StatusCode)code, detail);
    }

    private static Metadata ReadMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers.NonValidated)
        {
            if (GrpcProtocol.IsReservedHeader(header.Key))
            {
                continue;
            }

            var key = header.Key.ToLowerInvariant();
            foreach (var value in header.Value)
            {
                MetadataHeaders.Add(metadata, key, value);
            }
        }

        return metadata;
    }
}
