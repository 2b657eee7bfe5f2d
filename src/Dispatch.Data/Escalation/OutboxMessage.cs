namespace Dispatch.Data.Escalation;

/// <summary>
/// A message to the parent node, written in the same transaction as the case change that caused it
/// and delivered by the relay until the parent acknowledges it (transactional outbox).
/// </summary>
public sealed class OutboxMessage
{
    public OutboxMessage(OutboxKind kind, Guid caseId, byte[] payload, DateTimeOffset createdAt, string? traceParent = null)
    {
        Kind = kind;
        CaseId = caseId;
        Payload = payload;
        CreatedAt = createdAt;
        TraceParent = traceParent is { Length: <= TraceParentMaxLength } ? traceParent : null;
    }

    /// <summary>Assigned by the database; delivery follows this order.</summary>
    public long Sequence { get; private set; }

    public OutboxKind Kind { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The serialized request to send (protobuf bytes).</summary>
    public byte[] Payload { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>
    /// When the parent refused the message for good (a message-level status such as INVALID_ARGUMENT): it is
    /// not sent again until an operator requeues it. Null while the message is pending or once delivered.
    /// </summary>
    public DateTimeOffset? RefusedAt { get; private set; }

    /// <summary>The parent's gRPC status code, by name (e.g. <c>InvalidArgument</c>).</summary>
    public string? RefusalCode { get; private set; }

    /// <summary>The parent's status message, cut to <see cref="RefusalMessageMaxLength"/>.</summary>
    public string? RefusalMessage { get; private set; }

    /// <summary>The node that refused it.</summary>
    public string? RefusedBy { get; private set; }

    /// <summary>
    /// The W3C trace context (<c>traceparent</c>) of the change that wrote the message, null when nothing traced it:
    /// the relay sends the message later, perhaps after a restart, and its call continues that trace.
    /// </summary>
    public string? TraceParent { get; private set; }

    public const int RefusalMessageMaxLength = 1_000;

    /// <summary>A version-00 traceparent has 55 characters; room for a later version's.</summary>
    public const int TraceParentMaxLength = 128;

    public const int NodeIdMaxLength = 64;

    public bool IsRefused => RefusedAt is not null;

    /// <summary>Waiting for the relay: neither delivered nor refused.</summary>
    public bool IsPending => DeliveredAt is null && RefusedAt is null;

    public void MarkAttempted() => Attempts++;

    public void MarkDelivered(DateTimeOffset at) => DeliveredAt = at;

    /// <summary>Records the parent's refusal; the relay then leaves the message alone.</summary>
    public void MarkRefused(DateTimeOffset at, string refusedBy, string code, string message)
    {
        RefusedAt = at;
        RefusedBy = refusedBy.Length <= NodeIdMaxLength ? refusedBy : refusedBy[..NodeIdMaxLength];
        RefusalCode = code;
        RefusalMessage = message.Length <= RefusalMessageMaxLength ? message : message[..RefusalMessageMaxLength];
        Attempts++;
    }

    /// <summary>An operator fixed the cause: the message is pending again, in its original place in the order.</summary>
    public void Requeue()
    {
        RefusedAt = null;
        RefusedBy = null;
        RefusalCode = null;
        RefusalMessage = null;
    }
}
