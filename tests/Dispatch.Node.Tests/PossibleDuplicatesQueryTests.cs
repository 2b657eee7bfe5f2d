using Dispatch.Data;
using Dispatch.Domain.Geography;
using Dispatch.Node.Application;
using Dispatch.Node.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests;

/// <summary>The possible-duplicates lookup runs at every batch of reports: it must stay one range of the open-cases index.</summary>
public sealed class PossibleDuplicatesQueryTests() : NodeTestBase(StorageKind.Sqlite)
{
    [Fact]
    public async Task Lookup_OnSqlite_ReadsOneRangeOfTheOpenCasesIndex_WithoutSorting()
    {
        await using var context = await Node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>().CreateDbContextAsync();
        var query = PossibleDuplicates.NewestOpenQuery.Compile()(context, GridId.Parse(Grid1), "0201", Node.Clock.GetUtcNow() - PossibleDuplicates.Window);
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await context.Database.OpenConnectionAsync();
        command.Connection = context.Database.GetDbConnection();

        var steps = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }
        }

        var step = Assert.Single(steps);
        Assert.StartsWith("SEARCH c USING INDEX ix_cases_grid_id_category_code_reported_at (grid_id=? AND category_code=? AND reported_at>?)", step, StringComparison.Ordinal);
    }
}
