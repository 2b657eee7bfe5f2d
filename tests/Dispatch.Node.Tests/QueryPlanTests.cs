using Dispatch.Application.Cases;
using Dispatch.Application.Escalation;
using Dispatch.Data;
using Dispatch.Domain.Geography;
using Dispatch.Node.Escalation;
using Dispatch.Node.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests;

/// <summary>
/// Queries that run all the time stay ranges of the indexes made for them, whatever the tables hold: the possible
/// duplicates of every batch of reports, the relay's read of pending messages (at every commit that adds one, and
/// from the start once a second), the operators' list of refused ones, and a case looked up by its number or its child's.
/// </summary>
public sealed class QueryPlanTests() : NodeTestBase(StorageKind.Sqlite)
{
    [Fact]
    public async Task PossibleDuplicates_OnSqlite_ReadOneRangeOfTheOpenCasesIndex_WithoutSorting()
    {
        await using var context = await Node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>().CreateDbContextAsync();
        var query = PossibleDuplicates.NewestOpenQuery.Compile()(context, GridId.Parse(Grid1), "0201", Node.Clock.GetUtcNow() - PossibleDuplicates.Window);

        var step = Assert.Single(await SqliteQueryPlan.StepsAsync(context, query));
        Assert.StartsWith("SEARCH c USING INDEX ix_cases_grid_id_category_code_reported_at (grid_id=? AND category_code=? AND reported_at>?)", step, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12_345)]
    public async Task PendingRead_OnSqlite_ReadsARangeOfThePendingIndex_WithoutSorting(long after)
    {
        await using var context = await Node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>().CreateDbContextAsync();

        var steps = await SqliteQueryPlan.StepsAsync(context, OutboxRelay.PendingQuery.Compile()(context, after));

        Assert.Equal(2, steps.Count);
        Assert.StartsWith("SEARCH o USING INDEX ix_outbox_messages_pending (", steps[0], StringComparison.Ordinal);
        Assert.StartsWith("SEARCH c USING ", steps[1], StringComparison.Ordinal);
        Assert.DoesNotContain(steps, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CaseByNumber_OnSqlite_SearchesTheNumberAndOriginNumberIndexes_NeverScans()
    {
        await using var context = await Node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>().CreateDbContextAsync();
        const string number = "C-20261124-0001F4A3BC9D";

        var listed = await SqliteQueryPlan.StepsAsync(context, new CaseFilter { Text = number }.Apply(context.Cases).OrderByDescending(c => c.ReportedAt).Take(51));
        var escalated = await SqliteQueryPlan.StepsAsync(context, context.Cases.Where(c => c.Origin!.CaseNumber == number));

        Assert.Contains(listed, step => step.Contains("USING INDEX ix_cases_number (number=?)", StringComparison.Ordinal));
        Assert.Contains(listed, step => step.Contains("USING INDEX ix_cases_origin_case_number (origin_case_number=?)", StringComparison.Ordinal));
        Assert.StartsWith("SEARCH c USING INDEX ix_cases_origin_case_number (origin_case_number=?)", Assert.Single(escalated), StringComparison.Ordinal);
        Assert.DoesNotContain(listed.Concat(escalated), step => step.StartsWith("SCAN c", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusedList_OnSqlite_ReadsARangeOfTheRefusedIndex_WithoutSorting()
    {
        await using var context = await Node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>().CreateDbContextAsync();

        var step = Assert.Single(await SqliteQueryPlan.StepsAsync(context, OutboxOperations.RefusedAfter(context, 0).Take(51)));

        Assert.StartsWith("SEARCH o USING INDEX ix_outbox_messages_refused (", step, StringComparison.Ordinal);
    }
}
