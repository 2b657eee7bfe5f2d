using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dispatch.Data.Sqlite;

/// <summary>
/// Runs the commands EF sends on a long-lived SQLite connection (the node's writer, see
/// <see cref="WriterConnection"/>; a watcher's stream) on prepared statements kept per connection and command
/// text, instead of on the new command EF makes for each, which SQLite parses and plans again every time.
/// Preparing the case-by-id query cost about 50 µs; running it prepared, about 8 µs. EF's command arrives with
/// its text, parameters and transaction; they move to the kept command, which runs in its place.
/// <para>
/// Only for connections marked with <see cref="Keep"/> while they stay open, and unmarked with
/// <see cref="Forget"/> before they close: a prepared statement belongs to the native connection it was
/// prepared on, and a pooled connection that EF opens and closes around each query may come back from the
/// pool on another one (running a kept statement there was SQLite's "API misuse").
/// </para>
/// <para>
/// A kept command whose reader is still open (a query read while another with the same text runs) is not
/// shared: that execution runs on EF's own command. A failed execution drops its kept command. At most
/// <see cref="MaxStatements"/> are kept per connection; past that the connection's are dropped and kept
/// anew. Closing the connection finalizes their statements; they are prepared again at their next use.
/// </para>
/// </summary>
public sealed class SqliteStatementCache : DbCommandInterceptor
{
    /// <summary>Prepared commands kept per connection at most.</summary>
    public const int MaxStatements = 256;

    public static SqliteStatementCache Instance { get; } = new();

    private static readonly ConditionalWeakTable<SqliteConnection, Statements> PerConnection = [];

    private SqliteStatementCache()
    {
    }

    /// <summary>Keeps the statements EF runs on the open <paramref name="connection"/> prepared, until <see cref="Forget"/>.</summary>
    public static void Keep(DbConnection connection)
    {
        if (connection is SqliteConnection { State: ConnectionState.Open, Handle: { } handle } sqlite)
        {
            PerConnection.AddOrUpdate(sqlite, new Statements(handle));
        }
    }

    /// <summary>Finalizes what was kept for <paramref name="connection"/> and keeps nothing more; before it closes.</summary>
    public static void Forget(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite && PerConnection.TryGetValue(sqlite, out var statements))
        {
            PerConnection.Remove(sqlite);
            Drop(statements.Kept);
        }
    }

    /// <summary>The commands kept for <paramref name="connection"/> now (for tests and diagnostics).</summary>
    public static int KeptFor(SqliteConnection connection) =>
        PerConnection.TryGetValue(connection, out var statements) ? statements.Kept.Count : 0;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        result.HasResult || Take(command) is not { } kept ? result : InterceptionResult<DbDataReader>.SuppressWithResult(kept.Run(k => k.Reader = k.Command.ExecuteReader()));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        result.HasResult || Take(command) is not { } kept ? result : InterceptionResult<int>.SuppressWithResult(kept.Run(k => k.Command.ExecuteNonQuery()));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        result.HasResult || Take(command) is not { } kept ? result : InterceptionResult<object>.SuppressWithResult(kept.Run(k => k.Command.ExecuteScalar()!));

    // SQLite's asynchronous calls complete synchronously: the same, returned finished.
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    /// <summary>The kept command for EF's <paramref name="command"/>, with its parameters and transaction; null to run EF's own.</summary>
    private static Kept? Take(DbCommand command)
    {
        if (command is not SqliteCommand { Connection: { State: ConnectionState.Open } connection } source
            || source.CommandType != CommandType.Text
            || !PerConnection.TryGetValue(connection, out var statements))
        {
            return null;
        }

        if (!ReferenceEquals(statements.Handle, connection.Handle))
        {
            // Closed and opened again without Forget: what was kept belongs to another native connection.
            Drop(statements.Kept);
            statements.Handle = connection.Handle!;
        }

        var kept = statements.Kept;
        if (!kept.TryGetValue(source.CommandText, out var entry))
        {
            if (kept.Count >= MaxStatements)
            {
                Drop(kept);
            }

            entry = new Kept(kept, source.CommandText, connection.CreateCommand());
            entry.Command.CommandText = source.CommandText;
            kept.Add(source.CommandText, entry);
        }
        else if (entry.Reader is { IsClosed: false })
        {
            return null;
        }

        var target = entry.Command;
        target.Transaction = source.Transaction;
        target.CommandTimeout = source.CommandTimeout;
        target.Parameters.Clear();
        var parameters = new SqliteParameter[source.Parameters.Count];
        source.Parameters.CopyTo(parameters, 0);
        source.Parameters.Clear();
        target.Parameters.AddRange(parameters);
        return entry;
    }

    private static void Drop(Dictionary<string, Kept> kept)
    {
        foreach (var entry in kept.Values.Where(e => e.Reader is null or { IsClosed: true }))
        {
            entry.Command.Dispose();
        }

        kept.Clear();
    }

    /// <summary>What is kept for one connection, and the native connection it was prepared on.</summary>
    private sealed class Statements(object handle)
    {
        public object Handle { get; set; } = handle;

        public Dictionary<string, Kept> Kept { get; } = [];
    }

    /// <summary>A kept command and the reader it last returned.</summary>
    private sealed class Kept(Dictionary<string, Kept> owner, string text, SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;

        public SqliteDataReader? Reader { get; set; }

        /// <summary>Runs <paramref name="execute"/>; a failure drops this command (its statement's state is unknown).</summary>
        public T Run<T>(Func<Kept, T> execute)
        {
            try
            {
                return execute(this);
            }
            catch
            {
                owner.Remove(text);
                Command.Dispose();
                throw;
            }
        }
    }
}
