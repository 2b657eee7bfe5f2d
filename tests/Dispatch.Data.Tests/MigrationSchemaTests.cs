using Dispatch.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Data.Tests;

/// <summary>
/// The provider's migrations (the hand-written history, then the generated ones) must create exactly the schema EF
/// derives from the model: one database is migrated, a second is created from the model, and their catalogues must
/// read the same.
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
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.Equal(HandWritten, context.Database.GetMigrations().Take(HandWritten.Length));
    }

    /// <summary>
    /// A database that nodes before the per-provider migration sets created holds the hand-written migrations' ids in
    /// its history. It is brought here to exactly that state (the same migrations, first in the provider's set);
    /// migrating it then applies only what came after them, and leaves it equal to the model with no model change
    /// pending against the provider's snapshot.
    /// </summary>
    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Migrate_DatabaseOfTheHandWrittenMigrations_AppliesOnlyLaterOnesAndMatchesTheModel(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        if (database.Settings.SqliteFilePath() is { } file)
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        await using (var old = database.CreateContext())
        {
            await old.GetService<IMigrator>().MigrateAsync(HandWritten[^1]);
            Assert.Equal(HandWritten, await old.Database.GetAppliedMigrationsAsync());
        }

        await database.MigrateAsync();
        await using var created = await TestDatabase.CreateAsync(provider);
        await created.EnsureCreatedAsync();

        await using var context = database.CreateContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges());
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.Equal(await DescribeAsync(created), await SchemaCatalog.DescribeAsync(context));
    }

    /// <summary>
    /// Migrations are only found in the provider's migrations assembly: one compiled into Dispatch.Data (its old place)
    /// would be ignored without a word.
    /// </summary>
    [Fact]
    public void DataAssembly_HoldsNoMigration()
    {
        var misplaced = typeof(DispatchDbContext).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) || t.IsSubclassOf(typeof(ModelSnapshot)))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(misplaced.Count == 0, "Move these to src/Dispatch.Data.Migrations.<Provider> (see README, Databases): " + string.Join(", ", misplaced));
    }

    /// <summary>The ids in the history of every SQLite and PostgreSQL database created before the per-provider sets.</summary>
    private static readonly string[] HandWritten =
    [
        "20261124000000_Initial", "20261124010000_Escalation", "20261124020000_ListIndexes", "20261124090000_EvaluationIndexes",
        "20261128000000_Deadlines", "20261201000000_OutboxRefusals", "20261202000000_PartialIndexes", "20261203000000_OpenCasesIndex",
        "20261204000000_OutboxPartialIndexes",
    ];

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
