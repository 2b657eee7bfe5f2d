using Dispatch.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Dispatch.Data.Tests;

/// <summary>Provider selection from configuration and the SQLite connection settings.</summary>
public sealed class DispatchDataConfigurationTests
{
    [Fact]
    public void FromConfiguration_Nothing_IsTheSqliteFileUnderData()
    {
        var settings = DatabaseSettings.FromConfiguration(Configuration());

        Assert.Equal(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=data/node.db"), settings);
        Assert.Equal(Path.GetFullPath("data/node.db"), settings.SqliteFilePath());
    }

    [Fact]
    public void FromConfiguration_PostgresInAnyCase_IsPostgres()
    {
        var settings = DatabaseSettings.FromConfiguration(
            Configuration(("Database:Provider", "postgres"), ("ConnectionStrings:Dispatch", "Host=db;Database=node")));

        Assert.Equal(new DatabaseSettings(DatabaseProvider.Postgres, "Host=db;Database=node"), settings);
        Assert.Null(settings.SqliteFilePath());
    }

    [Fact]
    public void FromConfiguration_PostgresWithoutConnectionString_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => DatabaseSettings.FromConfiguration(Configuration(("Database:Provider", "Postgres"))));

        Assert.Contains("ConnectionStrings:Dispatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_SqlServer_IsSqlServer()
    {
        var settings = DatabaseSettings.FromConfiguration(
            Configuration(("Database:Provider", "SqlServer"), ("ConnectionStrings:Dispatch", "Server=db;Database=node")));

        Assert.Equal(new DatabaseSettings(DatabaseProvider.SqlServer, "Server=db;Database=node"), settings);
        Assert.Null(settings.SqliteFilePath());
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("7")]
    public void FromConfiguration_UnknownProvider_ThrowsNamingTheKeyAndTheProviders(string provider)
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => DatabaseSettings.FromConfiguration(Configuration(("Database:Provider", provider), ("ConnectionStrings:Dispatch", "Server=db"))));

        Assert.Contains("Database:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("'SqlServer'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=node.db")]
    [InlineData(DatabaseProvider.Postgres, "Host=db;Database=node")]
    [InlineData(DatabaseProvider.SqlServer, "Server=db;Database=node")]
    public void Contexts_EachProvider_TakeMigrationsFromTheProvidersOwnAssembly(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<DispatchDbContext>();
        DispatchDbContextOptions.Configure(options, new DatabaseSettings(provider, connectionString));
        using var context = new DispatchDbContext(options.Options);

        var assembly = context.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly>();

        Assert.Equal("Dispatch.Data.Migrations." + provider, assembly.Assembly.GetName().Name);
        Assert.NotNull(assembly.ModelSnapshot);
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqliteFilePath_InMemory_IsNull()
    {
        Assert.Null(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:").SqliteFilePath());
    }

    [Fact]
    public async Task Sqlite_OpenedConnection_UsesWalFullSyncABusyTimeoutAndTemporaryFilesInMemory()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var context = database.CreateContext();
        await context.Database.OpenConnectionAsync();

        Assert.Equal("wal", await PragmaAsync(context, "journal_mode"));
        Assert.Equal("2", await PragmaAsync(context, "synchronous")); // FULL: a commit is fsynced before it returns
        Assert.Equal("30000", await PragmaAsync(context, "busy_timeout"));
        Assert.Equal("1", await PragmaAsync(context, "foreign_keys"));
        Assert.Equal("2", await PragmaAsync(context, "temp_store")); // MEMORY
    }

    [Fact]
    public async Task Sqlite_ConnectionReusedFromThePool_KeepsItsSettings_AndANewNativeConnectionGetsThemAgain()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        object first;
        await using (var context = database.CreateContext())
        {
            await context.Database.OpenConnectionAsync();
            first = ((SqliteConnection)context.Database.GetDbConnection()).Handle!;
        }

        await using (var context = database.CreateContext())
        {
            await context.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)context.Database.GetDbConnection();
            Assert.Same(first, connection.Handle); // the pool's, opened again
            Assert.Equal("2", await PragmaAsync(context, "temp_store"));
            SqliteConnection.ClearPool(connection);
        }

        await using (var context = database.CreateContext())
        {
            await context.Database.OpenConnectionAsync();
            Assert.NotSame(first, ((SqliteConnection)context.Database.GetDbConnection()).Handle);
            Assert.Equal("2", await PragmaAsync(context, "temp_store"));
            Assert.Equal("2", await PragmaAsync(context, "synchronous"));
        }
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task AddDispatchData_ConfiguredProvider_IsTheContextsProvider(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var context = database.CreateContext();

        Assert.Equal(provider == DatabaseProvider.Sqlite, context.Database.IsSqlite());
        Assert.Equal(provider == DatabaseProvider.Postgres, context.Database.IsNpgsql());
    }

    private static async Task<string?> PragmaAsync(DbContext context, string name)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
