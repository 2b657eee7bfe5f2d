using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dispatch.Data.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test, reached through the production wiring
/// (<see cref="DispatchDataServiceCollectionExtensions.AddDispatchData"/> over configuration):
/// a SQLite file in a temporary folder, or a uniquely named database on the test PostgreSQL server.
/// Disposing it deletes the file or drops the database.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly Func<Task> drop;

    private TestDatabase(DatabaseSettings settings, Func<Task> drop)
    {
        Settings = settings;
        this.drop = drop;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [DatabaseSettings.ProviderKey] = settings.Provider.ToString(),
                ["ConnectionStrings:" + DatabaseSettings.ConnectionStringName] = settings.ConnectionString,
            })
            .Build();
        services = new ServiceCollection().AddDispatchData(configuration).BuildServiceProvider();
    }

    public DatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    public IServiceProvider Services => services;

    public IDbContextFactory<DispatchDbContext> Contexts => services.GetRequiredService<IDbContextFactory<DispatchDbContext>>();

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? CreateSqlite() : await CreatePostgresAsync();

    /// <summary>A fresh database with the migrations applied, the way a node starts.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider)
    {
        var database = await CreateAsync(provider);
        await database.MigrateAsync();
        return database;
    }

    public Task MigrateAsync() => services.GetRequiredService<DatabaseInitializer>().MigrateAsync();

    /// <summary>Creates the schema straight from the model, the way EF sees it (no migrations).</summary>
    public async Task EnsureCreatedAsync()
    {
        if (Settings.SqliteFilePath() is { } file)
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        await using var context = CreateContext();
        if (!await context.Database.EnsureCreatedAsync())
        {
            throw new InvalidOperationException("The test database already had a schema.");
        }
    }

    public DispatchDbContext CreateContext() => Contexts.CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await drop();
    }

    private static TestDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dispatch-data-tests", Guid.NewGuid().ToString("N"));

        // A subfolder that does not exist yet: the initializer must create it.
        var file = Path.Combine(folder, "data", "node.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        return new TestDatabase(
            new DatabaseSettings(DatabaseProvider.Sqlite, connectionString),
            () =>
            {
                using (var connection = new SqliteConnection(connectionString))
                {
                    SqliteConnection.ClearPool(connection);
                }

                if (System.IO.Directory.Exists(folder))
                {
                    System.IO.Directory.Delete(folder, recursive: true);
                }

                return Task.CompletedTask;
            });
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = PostgresServer.RequireConnectionString();
        var name = "dispatch_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new TestDatabase(
            new DatabaseSettings(DatabaseProvider.Postgres, connectionString),
            async () =>
            {
                await using (var connection = new NpgsqlConnection(connectionString))
                {
                    NpgsqlConnection.ClearPool(connection);
                }

                // FORCE can be refused while a server worker is attached; cleanup never fails a test.
                try
                {
                    await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                }
                catch (PostgresException)
                {
                }
            });
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        // No pooling: the maintenance connection must not linger on the server.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
