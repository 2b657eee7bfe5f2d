using System.Buffers;
using Grpc.Core;
using Grpc.Internal;

namespace Grpc.Net.Client.Internal;

internal sealed partial class GrpcCall<TRequest, TResponse>
{
    private sealed class ResponseStreamReader(GrpcCall<TRequest, TResponse> call, Task<bool> send) : IAsyncStreamReader<TResponse>
    {
        private TResponse? _current;
        private bool _reading;

        public TResponse Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first.");

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (_reading)
            {
                throw new InvalidOperationException("Can't read the next message because the previous read is still in progress.");
            }

            _reading = true;
            using var registration = cancellationToken.CanBeCanceled
                ? cancellationToken.UnsafeRegister(
                    static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(new Status(StatusCode.Cancelled, "Call canceled by the client.")),
                    call)
                : default;
            try
            {
                if (call._status is { } finished)
                {
                    return finished.StatusCode == StatusCode.OK ? false : throw new RpcException(finished, call._trailers!);
                }

                await send.ConfigureAwait(false);
                var message = await call.ReadMessageAsync(call.CallToken).ConfigureAwait(false);
                if (message is not null)
                {
                    _current = message;
                    return true;
                }

                var status = call.FinishFromTrailers();
                call.ReleaseResponse();
                return status.StatusCode == StatusCode.OK ? false : throw new RpcException(status, call._trailers!);
            }
            catch (Exception ex)
            {
                call.ReleaseResponse();
                throw call.Fail(ex);
            }
            finally
            {
                _reading = false;
            }
        }
    }

    /// <summary>Writes request messages into the HTTP/2 request body as the caller produces them.</summary>
    private sealed class RequestStreamWriter(GrpcCall<TRequest, TResponse> call) : IClientStreamWriter<TRequest>
    {
        private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ArrayBufferWriter<byte> _buffer = new();
        private readonly FrameSerializationContext _context = new();
        private Task _pending = Task.CompletedTask;
        private bool _completeCalled;

        public WriteOptions? WriteOptions { get; set; }

        /// <summary>Completes when the request body ends: CompleteAsync, or the call finished.</summary>
        public Task Completion => _completed.Task;

        public void SetStream(Stream stream) => _stream.TrySetResult(stream);

        public void OnCallFinished()
        {
            _completed.TrySetResult();
            _stream.TrySetCanceled();
        }

        public Task WriteAsync(TRequest message) => WriteAsync(message, CancellationToken.None);

        public Task WriteAsync(TRequest message, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(message);
            if (_completeCalled)
            {
                throw new InvalidOperationException("Request stream has already been completed.");
            }

            if (call._status is { } status)
            {
                return status.StatusCode != StatusCode.OK
                    ? Task.FromException(new RpcException(status, call._trailers!))
                    : throw new InvalidOperationException("Can't write the message because the call is complete.");
            }

            if (!_pending.IsCompleted)
            {
                throw new InvalidOperationException("Can't write the message because the previous write is in progress.");
            }

            return _pending = WriteCoreAsync(message, cancellationToken);
        }

        public Task CompleteAsync()
        {
            _completeCalled = true;
            _completed.TrySetResult();
            return Task.CompletedTask;
        }

        private async Task WriteCoreAsync(TRequest message, CancellationToken cancellationToken)
        {
            using var registration = cancellationToken.CanBeCanceled
                ? cancellationToken.UnsafeRegister(
                    static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(new Status(StatusCode.Cancelled, "Call canceled by the client.")),
                    call)
                : default;
            try
            {
                var stream = await _stream.Task.WaitAsync(call.CallToken).ConfigureAwait(false);
                var noCompress = ((WriteOptions ?? call._options.WriteOptions)?.Flags & WriteFlags.NoCompress) != 0;
                _buffer.ResetWrittenCount();
                _context.Start(_buffer, call._channel.MaxSendMessageSize, noCompress ? null : call.ChooseRequestCompression(), level: null);
                call._method.RequestMarshaller.ContextualSerializer(message, _context);
                _context.EnsureCompleted();
                await stream.WriteAsync(_buffer.WrittenMemory, call.CallToken).ConfigureAwait(false);
                await stream.FlushAsync(call.CallToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                if (call._status is { } status)
                {
                    throw new RpcException(status, call._trailers!);
                }

                throw call.Fail(ex);
            }
        }
    }
}
