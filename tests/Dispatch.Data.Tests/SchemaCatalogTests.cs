using Dispatch.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data.Tests;

/// <summary>The schema comparison is only worth something if it sees a difference: here it must.</summary>
public sealed class SchemaCatalogTests
{
    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Describe_AfterAnIndexIsDropped_Differs(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var context = database.CreateContext();
        var before = await SchemaCatalog.DescribeAsync(context);

        await context.Database.ExecuteSqlRawAsync("DROP INDEX ix_cases_due_at");
        var after = await SchemaCatalog.DescribeAsync(context);

        Assert.Contains("ix_cases_due_at", before, StringComparison.Ordinal);
        Assert.DoesNotContain("ix_cases_due_at", after, StringComparison.Ordinal);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Describe_AfterAColumnChanges_Differs(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var context = database.CreateContext();
        var before = await SchemaCatalog.DescribeAsync(context);

        // SQLite cannot alter a column in place: there a column is added instead.
        await context.Database.ExecuteSqlRawAsync(context.Database.IsSqlite()
            ? "ALTER TABLE grids ADD COLUMN extra TEXT NULL"
            : "ALTER TABLE grids ALTER COLUMN name DROP NOT NULL");
        var after = await SchemaCatalog.DescribeAsync(context);

        Assert.NotEqual(before, after);
    }
}
