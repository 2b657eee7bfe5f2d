namespace Dispatch.Data.Escalation;

/// <summary>
/// A message to the parent node, written in the same transaction as the case change that caused it
/// and delivered by the relay until the parent acknowledges it (transactional outbox).
/// </summary>
public sealed class OutboxMessage
{
    public OutboxMessage(OutboxKind kind, Guid caseId, byte[] payload, DateTimeOffset createdAt)
    {
        Kind = kind;
        CaseId = caseId;
        Payload = payload;
        CreatedAt = createdAt;
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

    public void MarkAttempted() => Attempts++;

    public void MarkDelivered(DateTimeOffset at) => DeliveredAt = at;
}
