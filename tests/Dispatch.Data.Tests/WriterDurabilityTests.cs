using Dispatch.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dispatch.Data.Tests;

/// <summary>The writer's commit that does not wait for the disk, and the flush that does.</summary>
public sealed class WriterDurabilityTests
{
    [Fact]
    public async Task Sqlite_TheWritersConnection_CommitsWithoutSyncing_OthersStillSyncEachCommit()
    {
        await using var sqlite = await SqliteWriter.StartAsync();

        Assert.Equal(1, Synchronous(sqlite.Writer)); // NORMAL
        await using var other = sqlite.Database.CreateContext();
        await other.Database.OpenConnectionAsync();
        Assert.Equal(2, Synchronous(other)); // FULL
    }

    [Fact]
    public async Task Sqlite_AFlush_SyncsTheLogOfACommit_AndAMissingLogIsNothingToSync()
    {
        await using var sqlite = await SqliteWriter.StartAsync();
        sqlite.Writer.Grids.Add(new Domain.Directory.Grid(TestCases.Grid, "Grid 1"));
        await sqlite.Writer.SaveChangesAsync();

        sqlite.Durability.Flush();

        Assert.True(File.Exists(sqlite.Database.Settings.SqliteFilePath() + "-wal"));
        sqlite.Durability.SyncFile(Path.Combine(Path.GetTempPath(), $"no-such-log-{Guid.NewGuid():N}"));
    }

    [Fact]
    public async Task Sqlite_AFailedSync_FailsEveryLaterFlush()
    {
        await using var sqlite = await SqliteWriter.StartAsync();
        sqlite.Durability.Flush();

        // A character device cannot be synced (EINVAL): a stand-in for a disk that failed to write.
        var failed = Assert.Throws<CommitUnconfirmedException>(() => sqlite.Durability.SyncFile("/dev/null"));
        var later = Assert.Throws<CommitUnconfirmedException>(sqlite.Durability.Flush);

        Assert.Contains("/dev/null", failed.InnerException!.Message, StringComparison.Ordinal);
        Assert.Contains("restart the node", later.Message, StringComparison.Ordinal);
        Assert.Same(failed.InnerException, later.InnerException);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Postgres_TheWritersConnections_CommitAsynchronously_OthersSynchronously(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var writer = WriterContext(database);
        await using var other = database.CreateContext();

        Assert.Equal("off", await SettingAsync(writer, "synchronous_commit"));
        Assert.Equal("on", await SettingAsync(other, "synchronous_commit"));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Postgres_AFlush_FlushesTheLogPastEveryEarlierCommit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var durability = database.Services.GetRequiredService<WriterDurability>();
        await using var writer = WriterContext(database);
        writer.Grids.Add(new Domain.Directory.Grid(TestCases.Grid, "Grid 1"));
        await writer.SaveChangesAsync();
        var committedUpTo = await InsertedUpToAsync(writer);

        durability.Flush();

        var flushedUpTo = await FlushedUpToAsync(writer);
        Assert.True(flushedUpTo >= committedUpTo, $"flushed to {flushedUpTo}, committed to {committedUpTo}");
    }

    [Theory]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Postgres_AFlushWhoseConnectionWasDropped_OpensAnotherAndFlushes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var durability = database.Services.GetRequiredService<WriterDurability>();
        durability.Flush();
        await using var admin = database.CreateContext();
        var dropped = await admin.Database
            .SqlQueryRaw<bool>("SELECT pg_terminate_backend(pid) AS \"Value\" FROM pg_stat_activity WHERE application_name = 'Dispatch flush' AND datname = current_database()")
            .ToListAsync();

        durability.Flush();

        Assert.Equal([true], dropped);
        var flushers = await admin.Database
            .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE application_name = 'Dispatch flush' AND datname = current_database()")
            .SingleAsync();
        Assert.Equal(1, flushers);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Postgres_AFlushTheServerRefuses_IsUnconfirmed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var builder = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString) { Database = $"missing_{Guid.NewGuid():N}" };
        using var durability = WriterDurability.For(database.Settings with { ConnectionString = builder.ConnectionString });

        var error = Assert.Throws<CommitUnconfirmedException>(durability.Flush);

        Assert.IsType<Npgsql.PostgresException>(error.InnerException);
    }

    /// <summary>A migrated SQLite database and its writer's context, held open and attached to the writer's durability.</summary>
    private sealed class SqliteWriter(TestDatabase database, SqliteLogDurability durability, DispatchDbContext writer) : IAsyncDisposable
    {
        public TestDatabase Database => database;

        public SqliteLogDurability Durability => durability;

        public DispatchDbContext Writer => writer;

        public static async Task<SqliteWriter> StartAsync()
        {
            var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
            var writer = WriterContext(database);
            WriterConnection.Hold(writer);
            var durability = (SqliteLogDurability)database.Services.GetRequiredService<WriterDurability>();
            durability.Attach(writer);
            return new SqliteWriter(database, durability, writer);
        }

        public async ValueTask DisposeAsync()
        {
            WriterConnection.Release(writer);
            await writer.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    private static DispatchDbContext WriterContext(TestDatabase database) =>
        database.Services.GetRequiredKeyedService<IDbContextFactory<DispatchDbContext>>(DispatchDataServiceCollectionExtensions.WriterKey).CreateDbContext();

    private static long Synchronous(DispatchDbContext context)
    {
        using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<string> SettingAsync(DispatchDbContext context, string name) =>
        await context.Database.SqlQuery<string>($"SELECT current_setting({name}) AS \"Value\"").SingleAsync();

    /// <summary>Where the server's log ends (bytes from its start): every commit so far is before it.</summary>
    private static async Task<decimal> InsertedUpToAsync(DispatchDbContext context) =>
        await context.Database.SqlQueryRaw<decimal>("SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn) AS \"Value\"").SingleAsync();

    /// <summary>How far the server's log is on disk.</summary>
    private static async Task<decimal> FlushedUpToAsync(DispatchDbContext context) =>
        await context.Database.SqlQueryRaw<decimal>("SELECT (pg_current_wal_flush_lsn() - '0/0'::pg_lsn) AS \"Value\"").SingleAsync();
}
