using System.Text.RegularExpressions;
using Dispatch.Data.Bulk;
using Dispatch.Data.Feed;
using Dispatch.Data.Tests.Infrastructure;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dispatch.Data.Tests.SqlServer;

/// <summary>
/// The T-SQL a SQL Server node would run, generated here without a server and parsed by ScriptDom (SQL Server 2022
/// grammar): the migrations as `dotnet ef migrations script --idempotent` writes them, Hangfire's schema, and the
/// statements Dispatch writes itself (the feed's lock, the bulk inserts).
/// </summary>
public sealed partial class SqlServerScriptTests
{
    [Fact]
    public void IdempotentMigrationScript_ParsesWithoutErrors()
    {
        using var context = SqlServerOffline.CreateContext();

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [cases]", script, StringComparison.Ordinal);
        Assert.Contains("WHERE [MigrationId] = N'", script, StringComparison.Ordinal);
        Assert.Contains("WHERE status IN (''Reported''", script, StringComparison.Ordinal); // in EXEC(N'...'), parsed as well
        Assert.Empty(SqlServerOffline.ParseErrors(script));
    }

    [Fact]
    public void Migrations_OnSqlServer_CreateTheModel()
    {
        using var context = SqlServerOffline.CreateContext();

        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges());
        Assert.Empty(SqlServerOffline.ParseErrors(context.Database.GenerateCreateScript()));
    }

    [Theory]
    [InlineData("HangFire")]
    [InlineData("hangfire")]
    public void HangfireInstallScript_ParsesWithoutErrors(string schema)
    {
        var script = Hangfire.SqlServer.SqlServerObjectsInstaller.GetInstallScript(schema, false);

        Assert.Contains($"[{schema}].[Job]", script, StringComparison.Ordinal);
        Assert.Empty(SqlServerOffline.ParseErrors(script));
    }

    [Fact]
    public void FeedLock_ParsesWithoutErrors()
    {
        Assert.Contains("sp_getapplock", FeedOrdering.SqlServerLock, StringComparison.Ordinal);
        Assert.Empty(SqlServerOffline.ParseErrors(FeedOrdering.SqlServerLock));
    }

    [Theory]
    [InlineData(typeof(Case))]
    [InlineData(typeof(CaseEvent))]
    [InlineData(typeof(CaseFeedEntry))]
    public void BulkInserts_OnSqlServer_ParseAndStayWithinTheParameterLimit(Type entity)
    {
        using var context = SqlServerOffline.CreateContext();
        var inserter = TableInserter.For(context.Model.FindEntityType(entity)!, context.GetService<ISqlGenerationHelper>());

        foreach (var rows in new[] { 1, 2, inserter.SqlServerRowsPerStatement })
        {
            var statement = inserter.SqlServerInsert(rows);
            var parameters = Parameter().Matches(statement).Select(m => m.Value).Distinct().Count();

            Assert.Equal(rows * TableColumn.For(context.Model.FindEntityType(entity)!).Count, parameters);
            Assert.InRange(parameters, 1, 2_100);
            Assert.EndsWith("ORDER BY [__row];", statement, StringComparison.Ordinal);
            Assert.Empty(SqlServerOffline.ParseErrors(statement));
        }
    }

    [Fact]
    public void ParseErrors_NotTransactSql_AreReported()
    {
        // What the checks above rely on: the parser refuses what SQL Server would refuse as syntax.
        Assert.NotEmpty(SqlServerOffline.ParseErrors("SELECT id FROM cases ORDER BY id LIMIT 10;"));
        Assert.NotEmpty(SqlServerOffline.ParseErrors("CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY);"));
        Assert.NotEmpty(SqlServerOffline.ParseErrors("EXEC(N'CREATE INDEX ix ON t (a) WHERE a IS NOT NULL LIMIT 1');"));
    }

    [GeneratedRegex(@"@p\d+")]
    private static partial Regex Parameter();
}
