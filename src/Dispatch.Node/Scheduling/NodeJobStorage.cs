using Dispatch.Data;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Npgsql;

namespace Dispatch.Node.Scheduling;

/// <summary>
/// Where a node's Hangfire keeps its jobs, by database provider: in memory beside an embedded SQLite file (the
/// deadlines are data in the node's database, and the start-up sweep rebuilds the pending trigger from it), in the
/// <see cref="Schema"/> schema of the node's own database on PostgreSQL and SQL Server, shared by the node's replicas.
/// </summary>
internal static class NodeJobStorage
{
    public const string Schema = "hangfire";

    /// <summary>The storage; it does not touch the database (the schema is installed by <see cref="PrepareAsync"/>, after the migrations).</summary>
    public static JobStorage Create(DatabaseSettings database) => database.Provider switch
    {
        DatabaseProvider.Sqlite => new InMemoryStorage(),
        DatabaseProvider.Postgres => CreatePostgres(database.ConnectionString),
        DatabaseProvider.SqlServer => new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
        {
            // Hangfire.SqlServer installs its schema itself when the storage is created: the database must exist by then.
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.Zero,
            SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
            UseRecommendedIsolationLevel = true,
            DisableGlobalLocks = true,
        }),
        _ => throw new InvalidOperationException($"No job storage for database provider {database.Provider}."),
    };

    /// <summary>Installs or upgrades Hangfire's schema where the storage needs one the node must create (PostgreSQL).</summary>
    public static async Task PrepareAsync(DatabaseSettings database, CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        PostgreSqlObjectsInstaller.Install(connection, Schema);
    }

    private static PostgreSqlStorage CreatePostgres(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = false,

            // LISTEN/NOTIFY wakes a waiting worker when a job is enqueued, so the queue is polled rarely.
            EnableLongPolling = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),

            // A job of a replica that died is picked up again within minutes, not the default half hour.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options, null), options);
    }
}
