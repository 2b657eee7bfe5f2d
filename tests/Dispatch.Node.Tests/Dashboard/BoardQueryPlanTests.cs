using Dispatch.Application.Deadlines;
using Dispatch.Application.Escalation;
using Dispatch.Data;
using Dispatch.Node.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>
/// The boards' queries stay ranges of the indexes made for them, whatever the tables hold: escalations in and out
/// newest first (partial indexes of their own), the cases at risk (the next-alarm index) and the undelivered
/// escalations of a page (the outbox's pending index).
/// </summary>
public sealed class BoardQueryPlanTests() : NodeTestBase(StorageKind.Sqlite)
{
    [Fact]
    public async Task EscalationsIn_ReadTheEscalatedInIndex_NewestFirst_WithoutSorting()
    {
        await using var context = await ContextAsync();
        var step = Assert.Single(await SqliteQueryPlan.StepsAsync(context, EscalationBoard.ReceivedNewestFirst(context).Take(100)));
        Assert.StartsWith("SCAN c USING INDEX ix_cases_escalated_in", step, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscalationsOut_ReadTheEscalatedOutIndex_NewestFirst_WithoutSorting()
    {
        await using var context = await ContextAsync();
        var step = Assert.Single(await SqliteQueryPlan.StepsAsync(context, EscalationBoard.SentNewestFirst(context).Take(100)));
        Assert.StartsWith("SCAN c USING INDEX ix_cases_escalated_out", step, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtRisk_ReadsARangeOfTheNextAlarmIndex()
    {
        await using var context = await ContextAsync();
        var steps = await SqliteQueryPlan.StepsAsync(context, DeadlineBoard.DueBefore(context, Node.Clock.GetUtcNow().AddHours(4)).Take(201));
        var step = Assert.Single(steps);
        Assert.StartsWith("SEARCH c USING INDEX ix_cases_next_alarm_at (next_alarm_at<?)", step, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndeliveredEscalations_ReadThePendingIndex()
    {
        await using var context = await ContextAsync();
        var steps = await SqliteQueryPlan.StepsAsync(context, EscalationBoard.PendingEscalations(context, [Guid.NewGuid(), Guid.NewGuid()]));
        Assert.Contains(steps, s => s.StartsWith("SCAN o USING INDEX ix_outbox_messages_pending", StringComparison.Ordinal) || s.StartsWith("SEARCH o USING INDEX ix_outbox_messages_pending", StringComparison.Ordinal));
    }

    private Task<DispatchDbContext> ContextAsync() =>
        Node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>().CreateDbContextAsync();
}
