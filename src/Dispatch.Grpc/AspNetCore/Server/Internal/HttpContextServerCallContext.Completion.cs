using Grpc.Core;
using Grpc.Internal;
using Microsoft.AspNetCore.Http;

namespace Grpc.AspNetCore.Server.Internal;

internal sealed partial class HttpContextServerCallContext
{
    /// <summary>Writes the final status after the handler returned (error null) or threw.</summary>
    public async ValueTask EndCallAsync(Exception? error)
    {
        await EnterWriteAsync().ConfigureAwait(false);
        try
        {
            if (_completed)
            {
                if (error is not null)
                {
                    GrpcServerLog.LateHandlerError(_options.Logger, _method, error.Message);
                }

                return;
            }

            WriteStatus(error is null ? _status : StatusFromException(error));
        }
        finally
        {
            _writeLock?.Release();
            DisposeTimers();
        }
    }

    /// <summary>Ends the call with DEADLINE_EXCEEDED while the handler may still run.</summary>
    public async ValueTask EndCallOnDeadlineAsync()
    {
        GrpcServerLog.DeadlineExceeded(_options.Logger, _method);
        await EnterWriteAsync().ConfigureAwait(false);
        try
        {
            if (_completed)
            {
                return;
            }

            WriteStatus(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
            try
            {
                await HttpContext.Response.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or OperationCanceledException)
            {
                GrpcServerLog.StatusWriteFailed(_options.Logger, _method, ex.Message);
            }
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    /// <summary>Called once the handler has finished after a deadline ended its call.</summary>
    public void DisposeTimers()
    {
        _deadlineCts?.Dispose();
        _callCts?.Dispose();
    }

    private Status StatusFromException(Exception error)
    {
        if (error is RpcException rpc)
        {
            if (rpc.Trailers.Count > 0)
            {
                foreach (var entry in rpc.Trailers)
                {
                    ResponseTrailersCore.Add(entry);
                }
            }

            return rpc.Status;
        }

        if (error is OperationCanceledException or IOException && CancellationTokenCore.IsCancellationRequested)
        {
            return _deadlineReached is { Task.IsCompleted: true }
                ? new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded")
                : new Status(StatusCode.Cancelled, "Call canceled by the client.");
        }

        GrpcServerLog.HandlerFailed(_options.Logger, _method, error);
        var detail = _options.EnableDetailedErrors
            ? $"Exception was thrown by handler. {error.GetType().Name}: {error.Message}"
            : "Exception was thrown by handler.";
        return new Status(StatusCode.Unknown, detail, error);
    }

    private void WriteStatus(Status status)
    {
        _completed = true;
        var response = HttpContext.Response;
        try
        {
            if (!_responseStarted && !response.HasStarted)
            {
                // Trailers-only: one HEADERS frame holding the status and the trailers.
                SetStatus(response.Headers, status);
            }
            else
            {
                response.AppendTrailer(GrpcProtocol.StatusTrailer, StatusValues[(int)status.StatusCode]);
                if (status.Detail.Length > 0)
                {
                    response.AppendTrailer(GrpcProtocol.MessageTrailer, PercentEncoding.Encode(status.Detail));
                }

                if (_responseTrailers is not null)
                {
                    foreach (var entry in _responseTrailers)
                    {
                        response.AppendTrailer(entry.Key, MetadataHeaders.ToHeaderValue(entry));
                    }
                }
            }
        }
        catch (InvalidOperationException ex)
        {
            // The client went away and the response can no longer be changed.
            GrpcServerLog.StatusWriteFailed(_options.Logger, _method, ex.Message);
        }
    }

    private void SetStatus(IHeaderDictionary headers, Status status)
    {
        headers[GrpcProtocol.StatusTrailer] = StatusValues[(int)status.StatusCode];
        if (status.Detail.Length > 0)
        {
            headers[GrpcProtocol.MessageTrailer] = PercentEncoding.Encode(status.Detail);
        }

        if (_responseTrailers is not null)
        {
            foreach (var entry in _responseTrailers)
            {
                headers.Append(entry.Key, MetadataHeaders.ToHeaderValue(entry));
            }
        }
    }
}
