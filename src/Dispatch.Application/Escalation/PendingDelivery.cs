namespace Dispatch.Application.Escalation;

/// <summary>An escalation waiting in the outbox: since when, and how often the relay has tried the parent.</summary>
internal sealed record PendingDelivery(DateTimeOffset Since, int Attempts);
