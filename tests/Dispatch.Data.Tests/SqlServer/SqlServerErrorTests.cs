using System.Reflection;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data.Tests.SqlServer;

/// <summary>
/// SQL Server's refusals mapped as on the other providers: a duplicate key is a unique violation (idempotent reports
/// and escalations load what the first attempt stored), a duplicate history event is a stale write. SqlClient makes
/// its exceptions only internally, so they are built here through its own factory, with the numbers and message a
/// server sends.
/// </summary>
public sealed class SqlServerErrorTests
{
    [Theory]
    [InlineData(2601, "Cannot insert duplicate key row in object 'dbo.cases' with unique index 'ix_cases_reporter_id_request_id'.")]
    [InlineData(2627, "Violation of UNIQUE KEY constraint 'uq_x'. Cannot insert duplicate key in object 'dbo.x'.")]
    public void IsUniqueViolation_DuplicateKey_IsTrue(int number, string message)
    {
        Assert.True(new DbUpdateException("save", SqlError(number, message)).IsUniqueViolation());
    }

    [Fact]
    public void IsUniqueViolation_OtherError_IsFalse()
    {
        var deadlock = SqlError(1205, "Transaction (Process ID 52) was deadlocked on lock resources with another process.");

        Assert.False(new DbUpdateException("save", deadlock).IsUniqueViolation());
    }

    [Fact]
    public void HistoryConflict_DuplicateEventSequence_IsAStaleWrite()
    {
        var history = SqlError(2627, "Violation of PRIMARY KEY constraint 'pk_case_events'. Cannot insert duplicate key in object 'dbo.case_events'. The duplicate key value is (1, 2).");
        var request = SqlError(2601, "Cannot insert duplicate key row in object 'dbo.cases' with unique index 'ix_cases_reporter_id_request_id'.");

        Assert.True(HistoryConflict.IsCause(new DbUpdateException("save", history)));
        Assert.False(HistoryConflict.IsCause(new DbUpdateException("save", request)));
    }

    private static SqlException SqlError(int number, string message)
    {
        const BindingFlags Internal = BindingFlags.NonPublic | BindingFlags.Instance;
        var error = (SqlError)typeof(SqlError).GetConstructors(Internal)
            .Where(c => c.GetParameters().Length >= 7)
            .OrderBy(c => c.GetParameters().Length)
            .First()
            .Invoke(ErrorArguments(number, message));
        var errors = (SqlErrorCollection)Activator.CreateInstance(typeof(SqlErrorCollection), nonPublic: true)!;
        typeof(SqlErrorCollection).GetMethod("Add", Internal)!.Invoke(errors, [error]);
        var create = typeof(SqlException).GetMethods(BindingFlags.NonPublic | BindingFlags.Static)
            .First(m => m.Name == "CreateException" && m.GetParameters().Select(p => p.ParameterType).SequenceEqual([typeof(SqlErrorCollection), typeof(string)]));
        return (SqlException)create.Invoke(null, [errors, "16.0.0"])!;
    }

    // SqlError(int infoNumber, byte errorState, byte errorClass, string server, string errorMessage, string procedure, int lineNumber, ...).
    private static object?[] ErrorArguments(int number, string message) =>
        [number, (byte)1, (byte)14, "sqlserver", message, string.Empty, 1, .. Enumerable.Repeat<object?>(null, ExtraParameters)];

    private static readonly int ExtraParameters = typeof(SqlError).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance)
        .Where(c => c.GetParameters().Length >= 7).Min(c => c.GetParameters().Length) - 7;
}
