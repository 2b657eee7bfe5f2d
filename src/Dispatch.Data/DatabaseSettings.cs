using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Dispatch.Data;

/// <summary>Which database a node uses and how to reach it, read from configuration.</summary>
/// <param name="Provider"><c>Database:Provider</c>: <c>Sqlite</c> (default), <c>Postgres</c> or <c>SqlServer</c>.</param>
/// <param name="ConnectionString"><c>ConnectionStrings:Dispatch</c>.</param>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The SQLite file used when no connection string is configured.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/node.db";

    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Dispatch";

    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerText = configuration[ProviderKey];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText)
            && (!Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider)))
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is '{providerText}'; expected '{nameof(DatabaseProvider.Sqlite)}', '{nameof(DatabaseProvider.Postgres)}' or '{nameof(DatabaseProvider.SqlServer)}'.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DefaultSqliteConnectionString
                : throw new InvalidOperationException(
                    $"ConnectionStrings:{ConnectionStringName} is required when {ProviderKey} is {provider}.");
        }

        return new DatabaseSettings(provider, connectionString);
    }

    /// <summary>The full path of the SQLite file, or null for a database server and in-memory databases.</summary>
    public string? SqliteFilePath()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(ConnectionString);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return null;
        }

        return Path.GetFullPath(source);
    }
}
