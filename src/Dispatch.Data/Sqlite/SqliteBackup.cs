using Microsoft.Data.Sqlite;

namespace Dispatch.Data.Sqlite;

/// <summary>
/// Online backup and restore of a node's SQLite file. The backup reads one snapshot of the live database
/// (SQLite's backup API inside a read transaction on a connection of its own): with write-ahead logging a
/// reader neither waits for the node's writer nor holds it up, and the snapshot holds every transaction
/// committed before it began, so every report the node acknowledged before the backup started. The copy is
/// written beside the target under a temporary name, turned into a self-contained file (rollback journal, no
/// -wal/-shm beside it), checked with <c>PRAGMA integrity_check</c> and only then renamed to the target.
/// </summary>
public static class SqliteBackup
{
    /// <summary>How long the backup's reader waits for a lock (only a checkpoint restarting the log or a recovery holds one).</summary>
    private const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>Copies the live database <paramref name="sourceFile"/> to <paramref name="targetFile"/>, which must not exist.</summary>
    public static BackupSummary Backup(string sourceFile, string targetFile)
    {
        if (!File.Exists(sourceFile))
        {
            throw new BackupException($"There is no database at {sourceFile}.");
        }

        // Read-write without create: a wrong path must not leave an empty database behind, and a reader of a
        // database in WAL mode needs to write the shared-memory index beside it.
        using var source = Open(sourceFile, SqliteOpenMode.ReadWrite);
        Run(source, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
        return WriteChecked(targetFile, target =>
        {
            // The snapshot is taken by this read, before the copy starts; the backup then reads inside it. (Disposing
            // the connection ends the transaction if the copy fails.)
            Run(source, "BEGIN DEFERRED; SELECT count(*) FROM sqlite_master;");
            source.BackupDatabase(target);
            Run(source, "COMMIT;");
        });
    }

    /// <summary>Copies the backup <paramref name="backupFile"/> to <paramref name="targetFile"/> (a node's new database), checking both.</summary>
    public static BackupSummary Restore(string backupFile, string targetFile)
    {
        var checkedBackup = Verify(backupFile);
        if (new[] { targetFile, targetFile + "-wal", targetFile + "-journal" }.FirstOrDefault(File.Exists) is { } existing)
        {
            throw new BackupException($"{existing} exists already: restore into a new node directory (nothing was changed).");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(targetFile))!);
        using var backup = Open(backupFile, SqliteOpenMode.ReadOnly);
        var restored = WriteChecked(targetFile, backup.BackupDatabase);
        return restored.Cases == checkedBackup.Cases
            ? restored
            : throw new BackupException($"The restored database holds {restored.Cases} cases, the backup {checkedBackup.Cases}.");
    }

    /// <summary>Checks a backup file: a SQLite database of a node that passes <c>PRAGMA integrity_check</c>.</summary>
    public static BackupSummary Verify(string file)
    {
        if (!File.Exists(file))
        {
            throw new BackupException($"There is no backup at {file}.");
        }

        using var connection = Open(file, SqliteOpenMode.ReadOnly);
        return Check(connection, file);
    }

    /// <summary>Writes a database through <paramref name="copy"/> under a temporary name, makes it self-contained, checks it, then renames it.</summary>
    private static BackupSummary WriteChecked(string targetFile, Action<SqliteConnection> copy)
    {
        var target = Path.GetFullPath(targetFile);
        if (File.Exists(target))
        {
            throw new BackupException($"{target} exists already (nothing was changed).");
        }

        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            BackupSummary summary;
            using (var destination = Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                copy(destination);

                // The copy carries the source's WAL flag; a backup is one file, the node turns WAL on again at its first open.
                Run(destination, "PRAGMA journal_mode = DELETE;");
                summary = Check(destination, target);
            }

            // It holds the accounts' password hashes and the node's data-protection keys: for its owner only.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(partial, target, overwrite: false);
            return summary;
        }
        catch (SqliteException ex)
        {
            throw new BackupException($"SQLite error {ex.SqliteErrorCode}: {ex.Message}", ex);
        }
        finally
        {
            foreach (var leftover in new[] { partial, partial + "-journal", partial + "-wal", partial + "-shm" }.Where(File.Exists))
            {
                File.Delete(leftover);
            }
        }
    }

    private static BackupSummary Check(SqliteConnection connection, string file)
    {
        try
        {
            var integrity = Scalar(connection, "PRAGMA integrity_check;");
            if (integrity != "ok")
            {
                throw new BackupException($"{file} fails PRAGMA integrity_check: {integrity}");
            }

            if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('cases', '__EFMigrationsHistory');") != "2")
            {
                throw new BackupException($"{file} is not a node's database (it has no cases table or migration history).");
            }

            return new BackupSummary(
                file,
                long.Parse(Scalar(connection, "SELECT count(*) FROM cases;"), System.Globalization.CultureInfo.InvariantCulture),
                Scalar(connection, "SELECT coalesce(max(MigrationId), '') FROM __EFMigrationsHistory;"),
                new FileInfo(connection.DataSource).Length);
        }
        catch (SqliteException ex)
        {
            throw new BackupException($"{file} is not a readable SQLite database ({ex.Message.TrimEnd('.')}).", ex);
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        // Unpooled: the file is renamed or handed to a node right after, with no native connection left open on it.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        try
        {
            connection.Open();
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new BackupException($"{file} cannot be opened ({ex.Message.TrimEnd('.')}).", ex);
        }
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
