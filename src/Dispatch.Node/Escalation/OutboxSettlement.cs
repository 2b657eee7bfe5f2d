using Dispatch.Application.Cases;
using Dispatch.Application.Writing;
using Dispatch.Data;
using Dispatch.Data.Escalation;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Node.Escalation;

/// <summary>
/// Records the parent's answers to outbox messages in one write: acknowledged messages are delivered (an
/// escalated case learns its parent's case id), refused ones are kept as refused, and a refused escalation
/// gives its case back to this node's dispatcher (an event on the case, its deadline running again).
/// </summary>
internal sealed partial class OutboxSettlement(CaseWriter writer, TimeProvider clock, ILogger<OutboxSettlement> logger)
{
    public Task SettleAsync(IReadOnlyList<OutboxOutcome> outcomes, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            async context =>
            {
                var now = clock.GetUtcNow();
                var sequences = outcomes.Select(o => o.Message.Sequence).ToList();
                var stored = await MessagesBySequence.For(context)(context, sequences).ToDictionaryAsync(m => m.Sequence, cancellationToken: cancellationToken);

                foreach (var outcome in outcomes)
                {
                    // A repeat of an answer already recorded (a resend after a crash) changes nothing.
                    if (stored.GetValueOrDefault(outcome.Message.Sequence) is not { DeliveredAt: null, RefusedAt: null } message)
                    {
                        continue;
                    }

                    if (outcome.Refusal is { } refusal)
                    {
                        message.MarkRefused(now, outcome.Target, refusal.StatusCode.ToString(), refusal.Detail);
                    }
                    else
                    {
                        message.MarkDelivered(now);
                    }
                }

                await LinkParentCasesAsync(context, outcomes.Where(o => o.ParentCaseId is not null).ToList());
                await GiveBackRefusedAsync(context, outcomes.Where(o => o.Refusal is not null && o.Message.Kind == OutboxKind.Escalate).ToList(), now);
                return true;
            },
            cancellationToken);

    private static async Task LinkParentCasesAsync(DispatchDbContext context, List<OutboxOutcome> acknowledged)
    {
        if (acknowledged.Count == 0)
        {
            return;
        }

        var links = acknowledged.GroupBy(a => a.Message.CaseId).ToDictionary(g => g.Key, g => g.Last().ParentCaseId!.Value);
        var caseIds = links.Keys.ToList();
        await foreach (var @case in UnlinkedCases.For(context)(context, caseIds))
        {
            @case.LinkParent(links[@case.Id]);
        }
    }

    // Compiled (CompiledQuery): every batch of answers runs them.
    private static readonly CompiledQuery<Func<DispatchDbContext, List<long>, IAsyncEnumerable<OutboxMessage>>> MessagesBySequence = new(() => EF.CompileAsyncQuery(
        (DispatchDbContext context, List<long> sequences) => context.Outbox.Where(m => sequences.Contains(m.Sequence))));

    private static readonly CompiledQuery<Func<DispatchDbContext, List<Guid>, IAsyncEnumerable<Case>>> UnlinkedCases = new(() => EF.CompileAsyncQuery(
        (DispatchDbContext context, List<Guid> caseIds) => context.Cases.Where(c => caseIds.Contains(c.Id) && c.ParentCaseId == null)));

    private async Task GiveBackRefusedAsync(DispatchDbContext context, List<OutboxOutcome> refused, DateTimeOffset now)
    {
        if (refused.Count == 0)
        {
            return;
        }

        var caseIds = refused.Select(r => r.Message.CaseId).Distinct().ToList();
        var cases = await context.Cases.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        foreach (var outcome in refused)
        {
            // Only a case still waiting for that parent to take it goes back; one the dispatcher has moved on
            // (or a parent took after all) keeps its state, and the refusal stays on the message for operators.
            if (cases.GetValueOrDefault(outcome.Message.CaseId) is not { Status: CaseStatus.Escalated, ParentCaseId: null } @case || @case.EscalatedToNodeId != outcome.Target)
            {
                LogRefusalLeftCase(logger, outcome.Message.Sequence, outcome.Message.CaseId);
                continue;
            }

            var before = @case.Version;
            @case.RefuseEscalation(now, outcome.Target, $"{outcome.Refusal!.Value.StatusCode}: {outcome.Refusal.Value.Detail}");
            CaseRows.AppendToFeed(context, @case, before);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "The refused escalation {Sequence} is recorded; case {CaseId} is no longer waiting for that parent, so it stays as it is.")]
    private static partial void LogRefusalLeftCase(ILogger logger, long sequence, Guid caseId);
}
