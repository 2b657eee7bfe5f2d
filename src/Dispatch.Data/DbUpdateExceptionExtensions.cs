using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dispatch.Data;

/// <summary>Recognises store errors that callers turn into answers rather than failures.</summary>
public static class DbUpdateExceptionExtensions
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (extended result codes).
    private const int SqliteUniqueConstraint = 2067;
    private const int SqlitePrimaryKeyConstraint = 1555;

    // SQL Server: a duplicate key in a unique index (2601), in a unique or primary key constraint (2627).
    internal const int SqlServerUniqueIndex = 2601;
    internal const int SqlServerUniqueConstraint = 2627;

    /// <summary>
    /// True when the save broke a unique index or primary key, e.g. a retried <c>ReportCase</c> whose
    /// (reporter, request id) already exists: the caller then loads the case the first attempt created.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteUniqueConstraint or SqlitePrimaryKeyConstraint,
            PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
            Microsoft.Data.SqlClient.SqlException sqlServer => sqlServer.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint,
            _ => false,
        };
    }
}
