using Dispatch.Domain.Cases;
using Dispatch.Domain.Supervision;

namespace Dispatch.Application.Escalation;

/// <summary>
/// The bytes an outbox message carries to the parent, in the parent's wire format. The host that speaks the
/// node protocol supplies them; the use cases only decide what is sent and when.
/// </summary>
internal interface IOutboxPayloads
{
    /// <summary>The escalation of <paramref name="case"/> to the parent.</summary>
    byte[] Escalation(Case @case, string reason);

    /// <summary>The reason an escalation's payload gives (to escalate its case again when it is requeued).</summary>
    string EscalationReason(byte[] payload);

    /// <summary>The reporting grid's verdict on a case the parent resolved.</summary>
    byte[] Verdict(Guid caseId, bool passed, string note, int attempt);

    /// <summary>A supervision order's current state, for the supervising parent.</summary>
    byte[] Supervision(SupervisionOrder order);
}
