using System.Diagnostics;
using System.Globalization;
using Dispatch.Data;
using Dispatch.Data.Sqlite;

namespace Dispatch.Node.Backup;

/// <summary>
/// The node program's operator verbs for its SQLite database, run beside a live node (another process):
/// <c>backup --to FILE [--database FILE|NODE_DIR]</c> takes an online backup (see <see cref="SqliteBackup"/>);
/// without <c>--database</c> the database is the one the node's settings name (appsettings.json next to the
/// program, environment, <c>--ConnectionStrings:Dispatch=...</c> on the command line).
/// <c>restore --from FILE --into NODE_DIR</c> checks a backup and makes it NODE_DIR/node.db, for a node started there.
/// A PostgreSQL or SQL Server node is backed up with its server's tools (the README's recipe).
/// </summary>
public static class BackupCommand
{
    public const string DatabaseFileName = "node.db";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    /// <summary>Runs the verb in <c>args[0]</c>; 0 done, 1 refused or failed (nothing written), 2 a usage error.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var options = CommandOptions.Parse(args[1..]);
            return args[0] == "backup" ? Backup(options, output) : Restore(options, output);
        }
        catch (BackupException ex)
        {
            error.WriteLine($"{args[0]}: {ex.Message}");
            return 1;
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"{args[0]}: {ex.Message}");
            error.WriteLine("usage: backup --to FILE [--database FILE|NODE_DIR] [--ConnectionStrings:Dispatch=...]");
            error.WriteLine("       restore --from FILE --into NODE_DIR");
            return 2;
        }
    }

    private static int Backup(CommandOptions options, TextWriter output)
    {
        var target = options.Take("to") ?? throw new ArgumentException("--to FILE is required.");
        var source = options.Take("database") is { } database
            ? Directory.Exists(database) ? Path.Combine(database, DatabaseFileName) : database
            : ConfiguredDatabase(options.Rest);
        options.RefuseUnknown(allowSettings: true);
        var started = Stopwatch.GetTimestamp();
        var summary = SqliteBackup.Backup(Path.GetFullPath(source), target);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Backed up {Path.GetFullPath(source)} to {summary.File}: {summary.Cases} cases, schema {summary.LastMigration}, " +
            $"{summary.Bytes / 1048576.0:F1} MiB, integrity ok, {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s."));
        return 0;
    }

    private static int Restore(CommandOptions options, TextWriter output)
    {
        var backup = options.Take("from") ?? throw new ArgumentException("--from FILE is required.");
        var folder = Path.GetFullPath(options.Take("into") ?? throw new ArgumentException("--into NODE_DIR is required."));
        options.RefuseUnknown(allowSettings: false);
        var target = Path.Combine(folder, DatabaseFileName);
        var summary = SqliteBackup.Restore(backup, target);
        output.WriteLine($"Restored {Path.GetFullPath(backup)} into {target}: {summary.Cases} cases, schema {summary.LastMigration}, integrity ok.");
        output.WriteLine($"Start the node there with its own settings (the same Node:Id, ports, parent link and keys) and " +
            $"--Node:DataDirectory={folder} \"--ConnectionStrings:Dispatch=Data Source={target}\"; it applies any newer migrations as it starts. " +
            "Copy the old node's signing.key into the folder too if signed-in users should keep their sessions.");
        return 0;
    }

    /// <summary>The SQLite file the node's own settings name.</summary>
    private static string ConfiguredDatabase(IReadOnlyList<string> settings)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. settings])
            .Build();
        DatabaseSettings database;
        try
        {
            database = DatabaseSettings.FromConfiguration(configuration);
        }
        catch (InvalidOperationException ex)
        {
            throw new BackupException(ex.Message, ex);
        }

        return database.Provider != DatabaseProvider.Sqlite
            ? throw new BackupException($"The node's database is on {database.Provider}: back it up with the server's own tools (pg_dump; see the README's \"Backup and restore\").")
            : database.SqliteFilePath() ?? throw new BackupException("The node's SQLite database is in memory: there is no file to back up.");
    }
}
