using Dispatch.Domain.Cases;

namespace Dispatch.Application.Escalation;

/// <summary>A case this node escalated, and its escalation's delivery when that still waits in the outbox (null once delivered).</summary>
internal sealed record EscalatedCase(Case Case, PendingDelivery? Undelivered);
