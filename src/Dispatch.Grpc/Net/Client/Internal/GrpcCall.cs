using System.Buffers;
using System.Net;
using Grpc.Core;
using Grpc.Internal;
using Grpc.Net.Compression;

namespace Grpc.Net.Client.Internal;

/// <summary>
/// One client call as one HTTP/2 request. Owns the call's cancellation (user token, deadline,
/// dispose), builds the request, and records the final status and trailers exactly once.
/// </summary>
internal sealed partial class GrpcCall<TRequest, TResponse> : IDisposable
    where TRequest : class
    where TResponse : class
{
    private const string UserAgent = "grpc-dotnet-dispatch/1.0";

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _cts = new();
    private readonly TaskCompletionSource<Metadata> _responseHeaders = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _lock = new();
    private CancellationTokenRegistration _userCancellation;
    private ICompressionProvider? _requestCompression;
    private Status? _cancelStatus;
    private Status? _status;
    private Metadata? _trailers;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        ObjectDisposedException.ThrowIf(channel.Disposed, channel);
        _channel = channel;
        _method = method;
        _options = options;
    }

    public Task<Metadata> ResponseHeadersAsync => _responseHeaders.Task;

    public IClientStreamWriter<TRequest> RequestStream { get; private set; } = null!;

    public IAsyncStreamReader<TResponse> ResponseStream { get; private set; } = null!;

    private CancellationToken CallToken => _cts.Token;

    public Task<TResponse> StartUnary(TRequest request)
    {
        HttpContent content;
        try
        {
            content = CreateUnaryContent(request);
        }
        catch (Exception ex)
        {
            return Task.FromException<TResponse>(Fail(ex));
        }

        return RunSingleResponseAsync(Send(content));
    }

    public void StartServerStreaming(TRequest request)
    {
        Task<bool> send;
        try
        {
            send = Send(CreateUnaryContent(request));
        }
        catch (Exception ex)
        {
            send = Task.FromException<bool>(Fail(ex));
        }

        ResponseStream = new ResponseStreamReader(this, send);
    }

    public Task<TResponse> StartClientStreaming()
    {
        var writer = new RequestStreamWriter(this);
        RequestStream = writer;
        return RunSingleResponseAsync(Send(new PushStreamContent(writer.SetStream, writer.Completion)));
    }

    public void StartDuplexStreaming()
    {
        var writer = new RequestStreamWriter(this);
        RequestStream = writer;
        ResponseStream = new ResponseStreamReader(this, Send(new PushStreamContent(writer.SetStream, writer.Completion)));
    }

    public Status GetStatus() =>
        _status ?? throw new InvalidOperationException("Unable to get the status because the call is not complete.");

    public Metadata GetTrailers() =>
        _trailers ?? throw new InvalidOperationException("Can't get the call trailers because the call has not completed successfully.");

    public void Dispose()
    {
        if (_status is null)
        {
            Cancel(new Status(StatusCode.Cancelled, "gRPC call disposed."));
        }

        _userCancellation.Dispose();
        _cts.Dispose();
    }

    private void Cancel(Status status)
    {
        lock (_lock)
        {
            _cancelStatus ??= status;
        }

        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        // A cancelled token stops only pending operations; disposing the response resets the
        // HTTP/2 stream (RST_STREAM CANCEL) even when no read is in flight.
        _response?.Dispose();
    }

    private HttpContent CreateUnaryContent(TRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var context = new FrameSerializationContext();
        context.Start(buffer, _channel.MaxSendMessageSize, ChooseRequestCompression(), level: null);
        _method.RequestMarshaller.ContextualSerializer(request, context);
        context.EnsureCompleted();
        return new PushUnaryContent(buffer.WrittenMemory);
    }

    /// <summary>Request compression, as grpc-dotnet: chosen by the grpc-internal-encoding-request call header.</summary>
    private ICompressionProvider? ChooseRequestCompression()
    {
        var name = _options.Headers?.GetValue(GrpcProtocol.CompressionRequestHeader);
        if (name is null || name == GrpcProtocol.IdentityEncoding)
        {
            return null;
        }

        return _requestCompression ??= MessageCompression.Find(_channel.CompressionProviders, name) ??
            throw new InvalidOperationException($"Could not find a compression provider for '{name}'.");
    }

    private HttpRequestMessage CreateRequest(HttpContent content, TimeSpan? timeout)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _channel.GetMethodUri(_method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation(GrpcProtocol.TeHeader, GrpcProtocol.TeTrailers);
        headers.TryAddWithoutValidation(GrpcProtocol.UserAgentHeader, UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, _channel.AcceptEncoding);
        content.Headers.TryAddWithoutValidation("content-type", GrpcProtocol.ContentType);
        if (timeout is { } value)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(value));
        }

        if (_requestCompression is not null)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, _requestCompression.EncodingName);
        }

        if (_options.Headers is { } metadata)
        {
            foreach (var entry in metadata)
            {
                if (!GrpcProtocol.IsReservedHeader(entry.Key))
                {
                    headers.TryAddWithoutValidation(entry.Key, MetadataHeaders.ToHeaderValue(entry));
                }
            }
        }

        return request;
    }

    /// <summary>Records the final status once; later outcomes (e.g. a cancel after the end) are ignored.</summary>
    private Status Finish(Status status, Metadata? trailers)
    {
        lock (_lock)
        {
            if (_status is { } existing)
            {
                return existing;
            }

            _trailers = trailers ?? new Metadata();
            _status = status;
        }

        if (status.StatusCode != StatusCode.OK)
        {
            _responseHeaders.TrySetException(new RpcException(status, _trailers));
            _ = _responseHeaders.Task.Exception; // observed: a caller need not read the headers
        }

        // Unregister, not Dispose: Finish can run inside the cancellation callback itself.
        _userCancellation.Unregister();
        (RequestStream as RequestStreamWriter)?.OnCallFinished();
        return status;
    }

    /// <summary>Turns any failure into the call's final status and the exception the caller sees.</summary>
    private Exception Fail(Exception error)
    {
        Status status;
        if (_cts.IsCancellationRequested && error is not RpcException)
        {
            status = _cancelStatus ?? new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        else
        {
            status = error switch
            {
                RpcException rpc => rpc.Status,
                HttpRequestException { InnerException: HttpProtocolException protocol } => FromProtocolError(protocol),
                HttpProtocolException protocol => FromProtocolError(protocol),
                HttpRequestException http => new Status(StatusCode.Unavailable, $"Error starting gRPC call. {http.GetType().Name}: {http.Message}", http),
                IOException io => new Status(StatusCode.Unavailable, $"Error reading the response. {io.GetType().Name}: {io.Message}", io),
                InvalidOperationException invalid => new Status(StatusCode.Internal, $"Error starting gRPC call. {invalid.Message}", invalid),
                _ => new Status(StatusCode.Internal, $"Error in gRPC call. {error.GetType().Name}: {error.Message}", error),
            };
        }

        var final = Finish(status, (error as RpcException)?.Trailers);
        if (final.StatusCode == StatusCode.Cancelled && _channel.ThrowOperationCanceledOnCancellation)
        {
            return new OperationCanceledException(final.Detail, error);
        }

        return error is RpcException same && same.Status.StatusCode == final.StatusCode && same.Status.Detail == final.Detail
            ? same
            : new RpcException(final, _trailers ?? Metadata.Empty);
    }

    private static Status FromProtocolError(HttpProtocolException error) => error.ErrorCode switch
    {
        0x8 => new Status(StatusCode.Cancelled, "The server cancelled the call (RST_STREAM CANCEL).", error),
        0x7 => new Status(StatusCode.Unavailable, "The server refused the stream (RST_STREAM REFUSED_STREAM).", error),
        _ => new Status(StatusCode.Internal, $"HTTP/2 error {error.ErrorCode}: {error.Message}", error),
    };
}
