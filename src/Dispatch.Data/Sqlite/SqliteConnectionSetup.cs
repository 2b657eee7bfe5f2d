using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Dispatch.Data.Sqlite;

/// <summary>
/// Runs per-connection settings (pragmas) once for each native SQLite connection. A pooled connection keeps
/// its native connection, and with it every setting, from one open to the next; the node's writer opens one
/// for every batch, and ran the same pragmas (six statements to parse and run) at each.
/// </summary>
public static class SqliteConnectionSetup
{
    // Keyed by the native connection's handle object, which lives as long as the native connection: a
    // connection the pool drops (or a new one) is a new handle and gets the settings again.
    private static readonly ConditionalWeakTable<object, HashSet<string>> Applied = [];

    /// <summary>
    /// Runs <paramref name="statements"/> on the open <paramref name="connection"/> unless they already ran on
    /// its native connection. Not for two threads on one connection at once (no connection is).
    /// </summary>
    public static void Once(DbConnection connection, string statements)
    {
        var applied = AppliedTo(connection);
        if (applied.Contains(statements))
        {
            return;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = statements;
            command.ExecuteNonQuery();
        }

        applied.Add(statements);
    }

    /// <summary>What already ran on the open connection's native connection.</summary>
    private static HashSet<string> AppliedTo(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle }
            ? Applied.GetValue(handle, _ => [])
            : throw new InvalidOperationException("Connection settings are applied to an open SQLite connection.");
}
