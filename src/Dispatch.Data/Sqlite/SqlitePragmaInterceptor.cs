using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dispatch.Data.Sqlite;

/// <summary>
/// Sets the pragmas a node's SQLite file needs each time EF opens a connection: write-ahead logging
/// (many small commits; readers never block the writer), synchronous=FULL (every commit is fsynced before
/// it returns, so a reply that says "committed" survives a power failure too; the node's writer commits
/// concurrent changes together, so that is one fsync per batch, not per report), a busy timeout so
/// concurrent writers wait for the lock instead of failing, and a page cache of 32 MiB per connection
/// instead of SQLite's 2 MB: with the node's indexes, the writer's batches of new cases touch more pages
/// than 2 MB holds, and read them back from the file each time (about 70 reads per commit in the intake
/// benchmark, a third of that with this cache). A connection's cache fills only as far as it reads.
/// Temporary files (a statement's journal inside a transaction, a sort's spill) are kept in memory: on
/// disk, the escalation benchmark's writer created, wrote and removed one under /var/tmp for many commits.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    // journal_mode is stored in the file and is a no-op once set; the others are per connection, so a
    // native connection gets them once, at its first open (SqliteConnectionSetup), and keeps them in the pool.
    // (EF itself turns foreign_keys on.)
    internal const string Pragmas =
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;";

    public static readonly SqlitePragmaInterceptor Instance = new();

    private SqlitePragmaInterceptor()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    // SQLite's asynchronous calls complete synchronously anyway.
    public override Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        // EF opens the file read-only to see whether the database exists (migrations, at start); switching a database
        // that is not in WAL mode yet (a restored backup, a copied file) would have to write its header there, and fails.
        if (new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly)
        {
            return;
        }

        SqliteConnectionSetup.Once(connection, Pragmas);
    }
}
