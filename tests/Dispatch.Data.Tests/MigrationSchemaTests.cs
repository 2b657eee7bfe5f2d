using Dispatch.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Data.Tests;

/// <summary>
/// The hand-written migrations must create exactly the schema EF derives from the model: one database
/// is migrated, a second is created from the model, and their catalogues must read the same.
/// </summary>
public sealed class MigrationSchemaTests
{
    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Migrate_FreshDatabase_SchemaEqualsModel(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateMigratedAsync(provider);
        await using var created = await TestDatabase.CreateAsync(provider);
        await created.EnsureCreatedAsync();

        var fromMigrations = await DescribeAsync(migrated);
        var fromModel = await DescribeAsync(created);

        Assert.Contains("case_events", fromModel, StringComparison.Ordinal);
        Assert.Equal(fromModel, fromMigrations);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Migrate_Twice_AppliesNothingTheSecondTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await database.MigrateAsync();

        await using var context = database.CreateContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(["20261124000000_Initial", "20261124010000_Escalation", "20261124020000_ListIndexes", "20261124090000_EvaluationIndexes", "20261128000000_Deadlines", "20261201000000_OutboxRefusals", "20261202000000_PartialIndexes", "20261203000000_OpenCasesIndex", "20261204000000_OutboxPartialIndexes", "20261205000000_HangfireScheduling"], await context.Database.GetAppliedMigrationsAsync());
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Migrate_ThenDown_LeavesNoTables(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var context = database.CreateContext();
        await context.GetService<IMigrator>().MigrateAsync("0");

        var catalogue = await SchemaCatalog.DescribeAsync(context);
        Assert.DoesNotContain("cases", catalogue, StringComparison.Ordinal);
    }

    private static async Task<string> DescribeAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        return await SchemaCatalog.DescribeAsync(context);
    }
}
