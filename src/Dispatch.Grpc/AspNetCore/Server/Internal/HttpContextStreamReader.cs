using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>The request stream a client-streaming or duplex handler reads.</summary>
internal sealed class HttpContextStreamReader<TRequest>(HttpContextServerCallContext call, Marshaller<TRequest> marshaller)
    : IAsyncStreamReader<TRequest>
{
    private TRequest? _current;
    private bool _reading;

    public TRequest Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_reading)
        {
            throw new InvalidOperationException("Can't read the next message because the previous read is still in progress.");
        }

        _reading = true;
        try
        {
            using var linked = cancellationToken.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.CancellationToken)
                : null;
            var (read, message) = await call.ReadNextMessageAsync(marshaller, linked?.Token ?? call.CancellationToken).ConfigureAwait(false);
            _current = message;
            return read;
        }
        finally
        {
            _reading = false;
        }
    }
}
