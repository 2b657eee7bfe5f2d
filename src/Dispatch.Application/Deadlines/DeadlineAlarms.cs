using Dispatch.Application.Cases;
using Dispatch.Application.Common;
using Dispatch.Application.Escalation;
using Dispatch.Application.Supervision;
using Dispatch.Application.Writing;
using Dispatch.Data;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Deadlines;

/// <summary>
/// Acts on every alarm that has fallen due: a case's reminder, breach (overdue, and a supervision order at
/// the supervising tier) and supervision breach (escalation to the supervising tier when the policy says
/// so), and an unanswered summons. Found by one indexed query on <c>next_alarm_at</c>; each case is changed
/// through the single writer with its version checked, so a sweep run twice (after a restart, or by two
/// replicas at once) records each alarm once.
/// </summary>
internal sealed partial class DeadlineAlarms(
    IDbContextFactory<DispatchDbContext> contexts,
    CaseWriter writer,
    CaseCommands cases,
    DeadlineSettings deadlines,
    NodeSettings node,
    SupervisionLedger ledger,
    TimeProvider clock,
    ILogger<DeadlineAlarms> logger)
{
    /// <summary>How many cases one round of a sweep takes; the writer commits them in batches.</summary>
    public const int Chunk = 1024;

    /// <summary>
    /// Fires what is due now and returns when the next alarm falls due (null: none pending), and whether
    /// anything failed (it stays due; the caller waits a little before sweeping again).
    /// </summary>
    public async Task<(DateTimeOffset? Next, int Fired, int Failed)> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var fired = 0;
        var failed = 0;
        var failedIds = new HashSet<Guid>();
        while (true)
        {
            List<Guid> caseIds;
            List<Guid> orderIds;
            await using (var context = await contexts.CreateDbContextAsync(cancellationToken))
            {
                caseIds = await context.Cases.AsNoTracking()
                    .Where(c => c.NextAlarmAt <= now).OrderBy(c => c.NextAlarmAt).Select(c => c.Id).Take(Chunk + failedIds.Count)
                    .ToListAsync(cancellationToken);
                orderIds = await OwnOrders(context).Where(o => o.NextAlarmAt <= now).OrderBy(o => o.NextAlarmAt).Select(o => o.Id).Take(Chunk + failedIds.Count)
                    .ToListAsync(cancellationToken);
            }

            caseIds.RemoveAll(failedIds.Contains);
            orderIds.RemoveAll(failedIds.Contains);
            if (caseIds.Count == 0 && orderIds.Count == 0)
            {
                break;
            }

            var work = caseIds.Select(id => (id, writer.WriteAsync(context => FireCaseAsync(context, id, now), cancellationToken)))
                .Concat(orderIds.Select(id => (id, writer.WriteAsync(context => FireSummonsAsync(context, id, now), cancellationToken))))
                .ToList();
            foreach (var (id, task) in work)
            {
                try
                {
                    await task;
                    fired++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failed++;
                    failedIds.Add(id);
                    LogFailed(logger, id, ex.Message);
                }
            }
        }

        return (await NextAlarmAsync(cancellationToken), fired, failed);
    }

    /// <summary>The earliest pending alarm of this node's cases and summons.</summary>
    public async Task<DateTimeOffset?> NextAlarmAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var nextCase = await context.Cases.AsNoTracking().Where(c => c.NextAlarmAt != null)
            .OrderBy(c => c.NextAlarmAt).Select(c => c.NextAlarmAt).FirstOrDefaultAsync(cancellationToken);
        var nextOrder = await OwnOrders(context).Where(o => o.NextAlarmAt != null)
            .OrderBy(o => o.NextAlarmAt).Select(o => o.NextAlarmAt).FirstOrDefaultAsync(cancellationToken);
        return nextCase is null ? nextOrder : nextOrder is null || nextCase < nextOrder ? nextCase : nextOrder;
    }

    private IQueryable<SupervisionOrder> OwnOrders(DispatchDbContext context)
    {
        var nodeId = node.Id;
        return context.SupervisionOrders.AsNoTracking().Where(o => o.CaseNodeId == nodeId);
    }

    private async Task<bool> FireCaseAsync(DispatchDbContext context, Guid id, DateTimeOffset now)
    {
        var @case = await CaseRows.FindAsync(context, id);
        if (@case is null)
        {
            return false;
        }

        var policy = deadlines.Policy!;
        var before = @case.Version;
        var outcome = @case.FireDueAlarms(now);
        if (outcome.HasFlag(DeadlineOutcome.Breached))
        {
            ledger.OpenBreach(context, @case, policy.SupervisionLimit, $"The deadline {@case.DueAt:yyyy-MM-dd HH:mm} UTC was missed.", now);
        }

        CaseRows.AppendToFeed(context, @case, before);
        if (outcome != DeadlineOutcome.None)
        {
            CaseLog.AlarmsFired(logger, @case.Number, outcome);
        }

        if (outcome.HasFlag(DeadlineOutcome.SupervisionBreached))
        {
            await ledger.BreachOrdersOfAsync(context, @case, now);
            if (policy.EscalateOnSupervisionBreach && node.HasParent)
            {
                await cases.EscalateAsync(context, @case, NodeActors.For(node.Id), $"Escalated by supervision: the supervision deadline {@case.SupervisionDueAt:yyyy-MM-dd HH:mm} UTC passed with the case still open.", now);
                CaseLog.EscalatedBySupervision(logger, @case.Number, @case.EscalatedToNodeId);
            }
        }

        return outcome != DeadlineOutcome.None;
    }

    private async Task<bool> FireSummonsAsync(DispatchDbContext context, Guid id, DateTimeOffset now)
    {
        var order = await context.SupervisionOrders.FirstOrDefaultAsync(o => o.Id == id);
        if (order is null || !order.Breach(now))
        {
            return false;
        }

        var @case = await CaseRows.FindAsync(context, order.CaseId);
        if (@case is not { ClockRuns: true })
        {
            return true;
        }

        var before = @case.Version;
        var reason = $"Department {order.DepartmentId} did not acknowledge the summons by {order.DueAt:yyyy-MM-dd HH:mm} UTC.";
        @case.RecordDeadlineEvent(CaseEventType.CaseSummonsBreached, actorId: null, now, reason);
        ledger.OpenBreach(context, @case, deadlines.Policy!.SupervisionLimit, reason, now);
        CaseRows.AppendToFeed(context, @case, before);
        return true;
    }

    [LoggerMessage(1, LogLevel.Warning, "A deadline of {Id} could not be acted on ({Message}); it stays due and is retried.")]
    private static partial void LogFailed(ILogger logger, Guid id, string message);
}
