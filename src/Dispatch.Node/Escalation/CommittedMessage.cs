using Dispatch.Data.Escalation;

namespace Dispatch.Node.Escalation;

/// <summary>A committed outbox message and the node its case was escalated to (null: none, or not an escalated case's).</summary>
internal readonly record struct CommittedMessage(OutboxMessage Message, string? Target);
