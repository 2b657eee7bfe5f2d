using Dispatch.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data;

/// <summary>Points a <see cref="DbContextOptionsBuilder"/> at the configured provider.</summary>
internal static class DispatchDbContextOptions
{
    /// <summary>What every SQLite context carries: its pragmas, prepared statements on kept connections, blocking calls on the writer's thread.</summary>
    private static readonly Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] SqliteInterceptors =
        [SqlitePragmaInterceptor.Instance, SqliteStatementCache.Instance, BlockingIo.Interceptor];

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly(settings.Provider)))
                    .AddInterceptors(SqliteInterceptors);
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(settings.ConnectionString, postgres => postgres.MigrationsAssembly(MigrationsAssembly(settings.Provider)))
                    .AddInterceptors(BlockingIo.Interceptor);
                break;
            case DatabaseProvider.SqlServer:
                // No retrying execution strategy: it refuses the transactions that saves begin themselves (FeedOrdering).
                builder.UseSqlServer(settings.ConnectionString, sqlServer => sqlServer
                        .MigrationsAssembly(MigrationsAssembly(settings.Provider))
                        .UseCompatibilityLevel(SqlServer.SqlServerModel.CompatibilityLevel))
                    .AddInterceptors(BlockingIo.Interceptor);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown database provider.");
        }

        return builder;
    }

    /// <summary>
    /// The assembly holding the provider's migrations and model snapshot (<c>src/Dispatch.Data.Migrations.*</c>):
    /// each provider has its own set, so <c>dotnet ef migrations add</c> writes migrations in the provider's own SQL
    /// types. The host references all three; EF loads the one named here.
    /// </summary>
    public static string MigrationsAssembly(DatabaseProvider provider) => "Dispatch.Data.Migrations." + provider;

    /// <summary>
    /// Points a builder at the database for the node's single writer. On SQLite every context of its
    /// factory shares one connection object, which the writer opens once and keeps open
    /// (<see cref="WriterConnection"/>): opened for every batch, a connection came back from the pool to
    /// have EF register its dozen SQL functions on it again, and its statements were finalized at every
    /// close; held open, its statements stay prepared (<see cref="SqliteStatementCache"/>). On PostgreSQL,
    /// <see cref="ForWriter"/>.
    /// </summary>
    public static DbContextOptionsBuilder ConfigureWriter(DbContextOptionsBuilder builder, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            return Configure(builder, ForWriter(settings));
        }

        // One statement per command (SQLite has no round trips to save by batching them): its text is then the
        // same at every save of the same change, and runs prepared (SqliteStatementCache).
        builder.UseSqlite(
                new Microsoft.Data.Sqlite.SqliteConnection(settings.ConnectionString),
                sqlite => sqlite.MaxBatchSize(1).MigrationsAssembly(MigrationsAssembly(settings.Provider)))
            .AddInterceptors(SqliteInterceptors);
        return builder;
    }

    /// <summary>
    /// The settings of the node's single writer. On PostgreSQL its connections are a pool of their own
    /// (the pool is chosen by connection string), shown as "... writer" in <c>pg_stat_activity</c>: they carry
    /// only the writer's blocking calls (<see cref="BlockingIo"/>), and the writer's prepared inserts are
    /// prepared on the one or two connections it uses instead of on every connection the node's readers
    /// have opened. On SQL Server likewise (<c>program_name</c> in <c>sys.dm_exec_sessions</c>). On SQLite nothing differs.
    /// </summary>
    public static DatabaseSettings ForWriter(DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        switch (settings.Provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString);
                postgres.ApplicationName = WriterName(postgres.ApplicationName);
                return settings with { ConnectionString = postgres.ConnectionString };
            case DatabaseProvider.SqlServer:
                var sqlServer = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(settings.ConnectionString);
                sqlServer.ApplicationName = WriterName(sqlServer.ApplicationName);
                return settings with { ConnectionString = sqlServer.ConnectionString };
            default:
                return settings;
        }
    }

    // SqlClient names an unnamed application "Core Microsoft SqlClient Data Provider".
    private static string WriterName(string? application) =>
        (string.IsNullOrEmpty(application) || application.StartsWith("Core Microsoft SqlClient", StringComparison.Ordinal) ? "Dispatch" : application) + " writer";
}
