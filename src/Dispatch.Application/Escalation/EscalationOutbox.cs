using Dispatch.Application.Telemetry;
using Dispatch.Data;
using Dispatch.Data.Escalation;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Supervision;

namespace Dispatch.Application.Escalation;

/// <summary>What goes into the outbox, staged in the transaction of the change that causes it.</summary>
internal sealed class EscalationOutbox(IOutboxPayloads payloads)
{
    public void Escalate(DispatchDbContext context, Case @case, string reason, DateTimeOffset now) =>
        context.Outbox.Add(new OutboxMessage(OutboxKind.Escalate, @case.Id, payloads.Escalation(@case, reason), now, NodeTracing.CurrentTraceParent()));

    /// <summary>A supervision order's current state, for the supervising parent.</summary>
    public void Supervise(DispatchDbContext context, SupervisionOrder order, DateTimeOffset now) =>
        context.Outbox.Add(new OutboxMessage(OutboxKind.Supervision, order.CaseId, payloads.Supervision(order), now, NodeTracing.CurrentTraceParent()));

    /// <summary>After any change: the reporting grid's verdict on a case the parent resolved goes up.</summary>
    public void AfterChange(DispatchDbContext context, Case @case, int versionBefore, int reworkBefore, DateTimeOffset now)
    {
        if (@case.EscalatedToNodeId is null)
        {
            return;
        }

        foreach (var caseEvent in @case.History.Where(e => e.Sequence > versionBefore))
        {
            var passed = caseEvent.Type == CaseEventType.CaseVerified;
            var failed = caseEvent.Type == CaseEventType.CaseReturned && caseEvent.ToStatus == CaseStatus.Escalated;
            if (passed || failed)
            {
                context.Outbox.Add(new OutboxMessage(OutboxKind.Verification, @case.Id, payloads.Verdict(@case.Id, passed, caseEvent.Note ?? "", reworkBefore), now, NodeTracing.CurrentTraceParent()));
            }
        }
    }
}
