namespace Grpc.Core;

/// <summary>
/// How a call object reaches the call behind it. Stored as delegates over a state object, so an
/// implementation can pass static lambdas and its call instance without allocating closures.
/// </summary>
internal readonly struct AsyncCallState
{
    private readonly Func<object, Task<Metadata>> _responseHeadersAsync;
    private readonly Func<object, Status> _getStatus;
    private readonly Func<object, Metadata> _getTrailers;
    private readonly Action<object> _dispose;
    private readonly object _state;

    public AsyncCallState(
        Func<object, Task<Metadata>> responseHeadersAsync,
        Func<object, Status> getStatus,
        Func<object, Metadata> getTrailers,
        Action<object> dispose,
        object state)
    {
        _responseHeadersAsync = responseHeadersAsync;
        _getStatus = getStatus;
        _getTrailers = getTrailers;
        _dispose = dispose;
        _state = state;
    }

    public AsyncCallState(Task<Metadata> responseHeadersAsync, Func<Status> getStatus, Func<Metadata> getTrailers, Action dispose)
        : this(_ => responseHeadersAsync, _ => getStatus(), _ => getTrailers(), _ => dispose(), responseHeadersAsync)
    {
    }

    public Task<Metadata> ResponseHeadersAsync() => _responseHeadersAsync(_state);

    public Status GetStatus() => _getStatus(_state);

    public Metadata GetTrailers() => _getTrailers(_state);

    public void Dispose() => _dispose(_state);
}
