namespace Grpc.Core;

/// <summary>Options of one client call: headers, deadline, cancellation, write options and credentials.</summary>
public readonly struct CallOptions
{
    public CallOptions(
        Metadata? headers = null,
        DateTime? deadline = null,
        CancellationToken cancellationToken = default,
        WriteOptions? writeOptions = null,
        ContextPropagationToken? propagationToken = null,
        CallCredentials? credentials = null)
    {
        Headers = headers;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        WriteOptions = writeOptions;
        PropagationToken = propagationToken;
        Credentials = credentials;
        Flags = default;
    }

    private CallOptions(CallOptions other, CallFlags flags)
        : this(other.Headers, other.Deadline, other.CancellationToken, other.WriteOptions, other.PropagationToken, other.Credentials)
    {
        Flags = flags;
    }

    public Metadata? Headers { get; }

    public DateTime? Deadline { get; }

    public CancellationToken CancellationToken { get; }

    public WriteOptions? WriteOptions { get; }

    public ContextPropagationToken? PropagationToken { get; }

    public CallCredentials? Credentials { get; }

    public CallFlags Flags { get; }

    public bool IsWaitForReady => (Flags & CallFlags.WaitForReady) != 0;

    public CallOptions WithHeaders(Metadata headers) =>
        new CallOptions(headers, Deadline, CancellationToken, WriteOptions, PropagationToken, Credentials).WithFlags(Flags);

    public CallOptions WithDeadline(DateTime deadline) =>
        new CallOptions(Headers, deadline, CancellationToken, WriteOptions, PropagationToken, Credentials).WithFlags(Flags);

    public CallOptions WithCancellationToken(CancellationToken cancellationToken) =>
        new CallOptions(Headers, Deadline, cancellationToken, WriteOptions, PropagationToken, Credentials).WithFlags(Flags);

    public CallOptions WithWriteOptions(WriteOptions writeOptions) =>
        new CallOptions(Headers, Deadline, CancellationToken, writeOptions, PropagationToken, Credentials).WithFlags(Flags);

    public CallOptions WithCredentials(CallCredentials credentials) =>
        new CallOptions(Headers, Deadline, CancellationToken, WriteOptions, PropagationToken, credentials).WithFlags(Flags);

    public CallOptions WithWaitForReady(bool waitForReady = true) =>
        WithFlags(waitForReady ? Flags | CallFlags.WaitForReady : Flags & ~CallFlags.WaitForReady);

    public CallOptions WithFlags(CallFlags flags) => new(this, flags);
}
