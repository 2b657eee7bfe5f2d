using System.Data;
using Dispatch.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data;

/// <summary>
/// Keeps the single writer's SQLite connection open from one batch to the next (see
/// <see cref="DispatchDbContextOptions.ConfigureWriter"/>): opened here rather than by EF, EF neither closes
/// it after an operation nor when a context goes back to its pool. On PostgreSQL it does nothing; there the
/// writer's connections come from a pool of their own.
/// </summary>
public static class WriterConnection
{
    /// <summary>Opens the context's connection for good if it is a closed SQLite connection, with the node's pragmas.</summary>
    public static void Hold(DispatchDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Database.IsSqlite())
        {
            return;
        }

        var connection = context.Database.GetDbConnection();
        if (connection.State == ConnectionState.Open)
        {
            return;
        }

        connection.Open();
        SqliteConnectionSetup.Once(connection, SqlitePragmaInterceptor.Pragmas);
        SqliteStatementCache.Keep(connection);
    }

    /// <summary>Closes what <see cref="Hold"/> opened (the writer stopping); its native connection goes back to the pool.</summary>
    public static void Release(DispatchDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Database.IsSqlite())
        {
            var connection = context.Database.GetDbConnection();
            SqliteStatementCache.Forget(connection);
            connection.Close();
        }
    }
}
