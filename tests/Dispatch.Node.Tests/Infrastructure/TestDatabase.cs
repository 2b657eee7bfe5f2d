using Npgsql;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>
/// A fresh database for one node under test: a SQLite file in a temp folder, or a uniquely named
/// database on the PostgreSQL server named by DISPATCH_TEST_POSTGRES (dropped afterwards).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "DISPATCH_TEST_POSTGRES";
    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string connectionString, string folder, string? adminConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The node's data folder (signing key, SQLite file).</summary>
    public string Folder { get; }

    public static async Task<TestDatabase> CreateAsync(StorageKind kind)
    {
        var folder = Directory.CreateTempSubdirectory("dispatch-node-test-").FullName;
        if (kind == StorageKind.Sqlite)
        {
            return new TestDatabase("Sqlite", $"Data Source={Path.Combine(folder, "node.db")}", folder, null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(admin))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set: run `scripts/postgres.sh start` and export the connection string it prints (scripts/test.sh does both).");
        }

        var name = "node_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase("Postgres", builder.ConnectionString, folder, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            // FORCE can be refused while a server-side worker (e.g. autovacuum) is attached; then a plain
            // drop, and if that also fails the database is left for the throwaway server: cleanup
            // never fails a test.
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", $"DROP DATABASE IF EXISTS \"{_databaseName}\"" })
            {
                try
                {
                    await using var command = new NpgsqlCommand(sql, connection);
                    await command.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException)
                {
                }
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
