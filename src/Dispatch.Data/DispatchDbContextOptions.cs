using Dispatch.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data;

/// <summary>Points a <see cref="DbContextOptionsBuilder"/> at the configured provider.</summary>
internal static class DispatchDbContextOptions
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(settings.ConnectionString).AddInterceptors(SqlitePragmaInterceptor.Instance, BlockingIo.Interceptor);
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(settings.ConnectionString).AddInterceptors(BlockingIo.Interceptor);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown database provider.");
        }

        return builder;
    }

    /// <summary>
    /// The settings of the node's single writer. On PostgreSQL its connections are a pool of their own
    /// (the pool is chosen by connection string), shown as "... writer" in <c>pg_stat_activity</c>: they carry
    /// only the writer's blocking calls (<see cref="BlockingIo"/>), and the writer's prepared inserts are
    /// prepared on the one or two connections it uses instead of on every connection the node's readers
    /// have opened. On SQLite nothing differs.
    /// </summary>
    public static DatabaseSettings ForWriter(DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider != DatabaseProvider.Postgres)
        {
            return settings;
        }

        var connection = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString);
        connection.ApplicationName = (string.IsNullOrEmpty(connection.ApplicationName) ? "Dispatch" : connection.ApplicationName) + " writer";
        return settings with { ConnectionString = connection.ConnectionString };
    }
}
