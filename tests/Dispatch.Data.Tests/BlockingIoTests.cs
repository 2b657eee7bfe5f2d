using Dispatch.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dispatch.Data.Tests;

/// <summary>The writer's blocking database calls and its own connections.</summary>
public sealed class BlockingIoTests
{
    /// <summary>
    /// The server holds each reply back a little, so an asynchronous call can only have finished by the time it
    /// returns if it blocked. (On SQLite every call blocks anyway; nothing to tell apart there.)
    /// </summary>
    [Theory]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task AsyncCommands_OnAMarkedThread_HaveFinishedWhenTheyReturn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);

        var (query, command) = await OnMarkedThreadAsync(() =>
        {
            using var context = database.CreateContext();
            var rows = context.Database.SqlQueryRaw<int>("SELECT 7 AS \"Value\" FROM pg_sleep(0.05)").ToListAsync();
            var queryFinished = rows.IsCompleted;
            rows.GetAwaiter().GetResult();
            var statement = context.Database.ExecuteSqlRawAsync("SELECT pg_sleep(0.05)");
            var commandFinished = statement.IsCompleted;
            statement.GetAwaiter().GetResult();
            return (queryFinished, commandFinished);
        });

        Assert.True(query);
        Assert.True(command);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task AsyncCommands_ElsewhereStayAsynchronous(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var context = database.CreateContext();
        await context.Database.OpenConnectionAsync();

        var statement = context.Database.ExecuteSqlRawAsync("SELECT pg_sleep(0.05)");

        Assert.False(statement.IsCompleted);
        await statement;
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task AFailingCommand_OnAMarkedThread_FailsItsTaskAndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await WithOneGridAsync(provider);

        // The database refuses the second grid (its key is taken); the first is rolled back with it.
        var error = await OnMarkedThreadAsync(() =>
        {
            using var context = database.CreateContext();
            context.Grids.Add(new Domain.Directory.Grid(Domain.Geography.GridId.Parse("110105001001002"), "Grid 2"));
            context.Grids.Add(new Domain.Directory.Grid(TestCases.Grid, "Grid 1 again"));
            var save = context.SaveChangesAsync();
            return Record.Exception(() => save.GetAwaiter().GetResult());
        });

        Assert.IsType<DbUpdateException>(error);
        await using var check = database.CreateContext();
        Assert.Equal(["Grid 1"], await check.Grids.Select(g => g.Name).ToListAsync());
    }

    [Fact]
    public void ForWriter_Postgres_AnApplicationNameOfItsOwnSoAPoolOfItsOwn()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=node;Application Name=district");
        var bare = new DatabaseSettings(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=node");

        var writer = DispatchDbContextOptions.ForWriter(settings);

        Assert.Equal("district writer", new NpgsqlConnectionStringBuilder(writer.ConnectionString).ApplicationName);
        Assert.Equal("Dispatch writer", new NpgsqlConnectionStringBuilder(DispatchDbContextOptions.ForWriter(bare).ConnectionString).ApplicationName);
        Assert.Equal("node", new NpgsqlConnectionStringBuilder(writer.ConnectionString).Database);
        Assert.NotEqual(settings.ConnectionString, writer.ConnectionString);
    }

    [Fact]
    public void ForWriter_SqlServer_AnApplicationNameOfItsOwnSoAPoolOfItsOwn()
    {
        var named = new DatabaseSettings(DatabaseProvider.SqlServer, "Server=db;Database=node;Application Name=district");
        var bare = new DatabaseSettings(DatabaseProvider.SqlServer, "Server=db;Database=node");

        var writer = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(DispatchDbContextOptions.ForWriter(named).ConnectionString);

        Assert.Equal("district writer", writer.ApplicationName);
        Assert.Equal("node", writer.InitialCatalog);
        Assert.Equal("Dispatch writer", new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(DispatchDbContextOptions.ForWriter(bare).ConnectionString).ApplicationName);
    }

    [Fact]
    public void ForWriter_Sqlite_TheSameFile()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=data/node.db");

        Assert.Equal(settings, DispatchDbContextOptions.ForWriter(settings));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task WriterContexts_ReachTheSameDatabase(DatabaseProvider provider)
    {
        await using var database = await WithOneGridAsync(provider);

        await using var writer = database.Services
            .GetRequiredKeyedService<IDbContextFactory<DispatchDbContext>>(DispatchDataServiceCollectionExtensions.WriterKey)
            .CreateDbContext();

        Assert.Equal("Grid 1", (await writer.Grids.SingleAsync()).Name);
    }

    private static async Task<TestDatabase> WithOneGridAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var seed = database.CreateContext();
        seed.Grids.Add(new Domain.Directory.Grid(TestCases.Grid, "Grid 1"));
        await seed.SaveChangesAsync();
        return database;
    }

    private static Task<T> OnMarkedThreadAsync<T>(Func<T> work)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            BlockingIo.MarkThisThread();
            try
            {
                result.SetResult(work());
            }
            catch (Exception ex)
            {
                result.SetException(ex);
            }
        });
        thread.Start();
        return result.Task;
    }
}
