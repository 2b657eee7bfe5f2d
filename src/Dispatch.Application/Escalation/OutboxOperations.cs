using System.Globalization;
using Dispatch.Application.Cases;
using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Application.Writing;
using Dispatch.Data;
using Dispatch.Data.Escalation;
using Dispatch.Domain.Common;
using Dispatch.Domain.Directory;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Escalation;

/// <summary>
/// What a node's administrators do with its outbox: see the messages the parent refused for good, and requeue
/// one once its cause is fixed. The outbox is the node's plumbing, so only admins may; dispatchers see a refused
/// escalation on the case itself.
/// </summary>
internal sealed class OutboxOperations(IDbContextFactory<DispatchDbContext> contexts, CaseWriter writer, CaseCommands cases, IOutboxPayloads payloads, TimeProvider clock)
{
    /// <summary>Refused messages after the page token's sequence, oldest first; the next token is empty on the last page.</summary>
    public async Task<(IReadOnlyList<OutboxMessage> Messages, string NextPageToken)> ListRefusedAsync(CallerIdentity caller, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        PermissionTable.Of(PermissionTable.OutboxService, "ListRefusedMessages").Require(caller);
        var after = pageToken is null ? 0
            : long.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence
            : throw new InvalidRequestException("page_token", "is not a token this service handed out.");
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var page = await RefusedAfter(context, after).Take(pageSize + 1).ToListAsync(cancellationToken);
        var next = page.Count > pageSize ? page[pageSize - 1].Sequence.ToString(CultureInfo.InvariantCulture) : "";
        return (page.Take(pageSize).ToList(), next);
    }

    /// <summary>Refused messages after a sequence, oldest first: a range of the outbox's index of refused messages.</summary>
    internal static IQueryable<OutboxMessage> RefusedAfter(DispatchDbContext context, long after) =>
        context.Outbox.AsNoTracking().Where(m => m.RefusedAt != null && m.Sequence > after).OrderBy(m => m.Sequence);

    /// <summary>
    /// Makes a refused message pending again. A refused escalation also escalates its case again (the refusal gave
    /// it back to the dispatcher), so the case must still be in this node's hands.
    /// </summary>
    public Task<OutboxMessage> RequeueAsync(CallerIdentity caller, long sequence, CancellationToken cancellationToken)
    {
        PermissionTable.Of(PermissionTable.OutboxService, "RequeueMessage").Require(caller);
        if (sequence < 1)
        {
            throw new InvalidRequestException("sequence", "is required: the sequence of a refused message (1 or more).");
        }

        return writer.WriteAsync(
            async context =>
            {
                var message = await context.Outbox.FirstOrDefaultAsync(m => m.Sequence == sequence) ??
                    throw new NotFoundException("Outbox message", sequence.ToString(CultureInfo.InvariantCulture));
                if (!message.IsRefused)
                {
                    var state = message.DeliveredAt is null ? "still pending" : "already delivered";
                    throw new DomainRuleException("OnlyRefusedMessageCanBeRequeued", $"Outbox message {sequence} is {state}, not refused: there is nothing to requeue.");
                }

                if (message.Kind == OutboxKind.Escalate)
                {
                    var @case = await CaseRows.LoadAsync(context, message.CaseId);
                    if (!@case.IsOpen)
                    {
                        throw new DomainRuleException(
                            "RequeuedEscalationNeedsItsCaseBack",
                            $"Case {@case.Number} is {@case.Status}: only a case back in this node's hands can be escalated again by requeueing its refused escalation.");
                    }

                    var reason = payloads.EscalationReason(message.Payload);
                    await cases.EscalateAsync(context, @case, caller.UserId, reason, clock.GetUtcNow(), requeued: message);
                }
                else
                {
                    message.Requeue();
                }

                return message;
            },
            cancellationToken);
    }
}
