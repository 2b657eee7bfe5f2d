using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dispatch.Data;

/// <summary>
/// Recognises a stale write that the history table caught before the version check could. EF inserts
/// into <c>case_events</c> before it updates <c>cases</c> (it orders commands by table name), so a writer
/// working from a stale version first collides with the event the winning writer already stored under
/// that (case_id, sequence). That collision means exactly what a failed version check means.
/// </summary>
internal static class HistoryConflict
{
    private const string Table = "case_events";

    public static bool IsCause(DbUpdateException exception) =>
        exception is not DbUpdateConcurrencyException
        && exception.IsUniqueViolation()
        && exception.InnerException switch
        {
            // "UNIQUE constraint failed: case_events.case_id, case_events.sequence"
            SqliteException sqlite => sqlite.Message.Contains(Table + ".sequence", StringComparison.Ordinal),
            PostgresException postgres => postgres.TableName == Table && postgres.ConstraintName == "pk_" + Table,
            // "Violation of PRIMARY KEY constraint 'pk_case_events'. Cannot insert duplicate key in object 'dbo.case_events'. ..."
            Microsoft.Data.SqlClient.SqlException sqlServer => sqlServer.Number == DbUpdateExceptionExtensions.SqlServerUniqueConstraint
                && sqlServer.Message.Contains("'pk_" + Table + "'", StringComparison.Ordinal),
            _ => false,
        };

    public static DbUpdateConcurrencyException ToConcurrencyException(DbUpdateException exception) =>
        new("The case was changed by someone else: its history already has an event with this sequence.", exception);
}
