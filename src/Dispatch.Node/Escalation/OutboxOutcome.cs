using Dispatch.Data.Escalation;
using Grpc.Core;

namespace Dispatch.Node.Escalation;

/// <summary>
/// How the parent answered one outbox message: acknowledged (with its case id for an escalation), or refused for
/// good by <see cref="Target"/> with <see cref="Refusal"/>.
/// </summary>
internal sealed record OutboxOutcome(OutboxMessage Message, string Target, Guid? ParentCaseId, Status? Refusal)
{
    public static OutboxOutcome Acknowledged(OutboxMessage message, string target, Guid? parentCaseId) => new(message, target, parentCaseId, null);

    public static OutboxOutcome Refused(OutboxMessage message, string target, Status refusal) => new(message, target, null, refusal);
}
