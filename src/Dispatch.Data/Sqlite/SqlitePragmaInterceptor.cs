using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dispatch.Data.Sqlite;

/// <summary>
/// Sets the pragmas a node's SQLite file needs each time EF opens a connection: write-ahead logging
/// (many small commits; readers never block the writer), synchronous=FULL (every commit is fsynced before
/// it returns, so a reply that says "committed" survives a power failure too; the node's writer commits
/// concurrent changes together, so that is one fsync per batch, not per report), and a busy timeout so
/// concurrent writers wait for the lock instead of failing.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    // journal_mode is stored in the file and is a no-op once set; the others are per connection.
    // Pooled connections run this again on every open: a few microseconds, in process.
    // (EF itself turns foreign_keys on.)
    internal const string Pragmas =
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";

    public static readonly SqlitePragmaInterceptor Instance = new();

    private SqlitePragmaInterceptor()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
