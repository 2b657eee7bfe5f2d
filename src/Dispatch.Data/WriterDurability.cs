using System.Runtime.InteropServices;
using Dispatch.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Win32.SafeHandles;
using Npgsql;

namespace Dispatch.Data;

/// <summary>
/// Splits the node's single writer's commit in two. The writer commits a batch without waiting for the
/// disk and goes on to its next batch; a second thread then makes everything committed so far durable
/// (<see cref="Flush"/>), and only after that is anyone told (the callers' replies, the watchers, the
/// outbox relay). One flush covers every commit that finished before it started: while one waits for the
/// disk, the writer runs the next batches beside it, and the next flush covers them all.
/// <para>
/// What this changes: a commit is readable by other connections (a listing, a watcher reading on) from
/// the moment it is written, about a flush (a millisecond or two) before it is durable. A power failure
/// or an operating-system crash in that window takes back what such a reader saw; never anything a reply,
/// the feed signal or the outbox relay confirmed. A crash of the node process alone loses nothing on
/// SQLite (what is written is in the kernel's cache).
/// </para>
/// </summary>
public abstract class WriterDurability : IDisposable
{
    /// <summary>The durability for the configured provider.</summary>
    public static WriterDurability For(DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteLogDurability(),
            DatabaseProvider.Postgres => new PostgresFlushDurability(settings.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown database provider."),
        };
    }

    /// <summary>
    /// Readies the writer's context for a commit that does not wait for the disk (on its thread, before its
    /// transaction). On PostgreSQL the writer's connections are opened that way (<see cref="DispatchDbContextOptions.ForWriter"/>).
    /// </summary>
    public abstract void Attach(DispatchDbContext context);

    /// <summary>
    /// Blocks until every commit the writer finished before this call is durable; throws
    /// <see cref="CommitUnconfirmedException"/> if that cannot be confirmed. Called from one thread at a time.
    /// </summary>
    public abstract void Flush();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>
/// SQLite: the writer's connection commits at <c>synchronous = NORMAL</c>, which in WAL mode writes the
/// commit's frames to the log without syncing it (the log's header is still synced whenever the log
/// starts over, and checkpoints still sync both files). A flush syncs the log file's data (fdatasync).
/// SQLite reads the log back after a crash only as far as an unbroken chain of checksummed frames goes, so
/// a commit the disk lost takes every later one with it, and one sync of the file covers all that came
/// before it. A failed sync is final: the kernel may have dropped the pages it could not write and will
/// not report that again, so every later flush fails too, until the node is restarted and SQLite
/// recovers the log from what is on disk.
/// </summary>
internal sealed partial class SqliteLogDurability : WriterDurability
{
    internal const string WriterPragma = "PRAGMA synchronous = NORMAL;";

    private string? _logPath;
    private Exception? _failure;

    public override void Attach(DispatchDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        SqliteConnectionSetup.Once(connection, WriterPragma);

        // An in-memory database has no log and nothing to make durable.
        if (Volatile.Read(ref _logPath) is null && !string.IsNullOrEmpty(connection.DataSource))
        {
            Volatile.Write(ref _logPath, connection.DataSource + "-wal");
        }
    }

    public override void Flush()
    {
        if (Volatile.Read(ref _failure) is { } failure)
        {
            throw new CommitUnconfirmedException("An earlier sync of the database's log failed; restart the node to recover it.", failure);
        }

        if (Volatile.Read(ref _logPath) is { } path)
        {
            SyncFile(path);
        }
    }

    /// <summary>Syncs a file's data; a file that is not there has nothing to sync (a log is removed only once all of it is checkpointed and synced into the database).</summary>
    internal void SyncFile(string path)
    {
        SafeFileHandle file;
        try
        {
            file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return;
        }

        using (file)
        {
            if (FlushData(file) != 0)
            {
                var error = new IOException($"fdatasync of {path} failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}.");
                Volatile.Write(ref _failure, error);
                throw new CommitUnconfirmedException("The database's log could not be synced to disk.", error);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int FlushData(SafeFileHandle file);
}

/// <summary>
/// PostgreSQL: the writer's connections commit with <c>synchronous_commit = off</c> (their commit returns
/// once it is in the server's log buffers). A flush commits a transaction that writes one record to the
/// log, on a connection of its own at the server's default: that commit waits until the log is flushed up
/// to its own commit record, which comes after every commit that finished before it. If the flush's
/// connection fails, it is opened again once; the server's own failure to sync its log stops the server.
/// </summary>
internal sealed class PostgresFlushDurability(string connectionString) : WriterDurability
{
    /// <summary>A transactional log message: it gives the transaction an id and a log record, so its commit flushes.</summary>
    internal const string FlushSql = "BEGIN; SELECT pg_logical_emit_message(true, 'dispatch.flush', ''); COMMIT;";

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
    {
        ApplicationName = "Dispatch flush",
    }.ConnectionString;

    private NpgsqlConnection? _connection;

    public override void Attach(DispatchDbContext context)
    {
    }

    public override void Flush()
    {
        try
        {
            FlushOnce();
        }
        catch (Exception first) when (first is NpgsqlException or InvalidOperationException)
        {
            DropConnection();
            try
            {
                FlushOnce();
            }
            catch (Exception second) when (second is NpgsqlException or InvalidOperationException)
            {
                DropConnection();
                throw new CommitUnconfirmedException("The database did not confirm that the commit is on disk.", second);
            }
        }
    }

    private void FlushOnce()
    {
        if (_connection is null)
        {
            _connection = new NpgsqlConnection(_connectionString);
            _connection.Open();
        }

        using var command = _connection.CreateCommand();
        command.CommandText = FlushSql;
        command.ExecuteNonQuery();
    }

    private void DropConnection()
    {
        _connection?.Dispose();
        _connection = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DropConnection();
        }

        base.Dispose(disposing);
    }
}

/// <summary>A commit that was written but could not be confirmed durable: the caller should retry (a report with the same request id).</summary>
public sealed class CommitUnconfirmedException(string message, Exception? innerException = null) : Exception(message, innerException);
