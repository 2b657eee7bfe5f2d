using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>The response stream a server-streaming or duplex handler writes; each message is flushed.</summary>
internal sealed class HttpContextStreamWriter<TResponse>(HttpContextServerCallContext call, Marshaller<TResponse> marshaller)
    : IServerStreamWriter<TResponse>
{
    private Task _pending = Task.CompletedTask;

    public WriteOptions? WriteOptions
    {
        get => call.WriteOptions;
        set => call.WriteOptions = value;
    }

    public Task WriteAsync(TResponse message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(TResponse message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_pending.IsCompleted)
        {
            throw new InvalidOperationException("Can't write the message because the previous write is in progress.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return _pending = call.WriteMessageAsync(message, marshaller, flush: true).AsTask();
    }
}
