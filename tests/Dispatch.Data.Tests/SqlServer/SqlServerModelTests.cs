using Dispatch.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Data.Tests.SqlServer;

/// <summary>
/// The model on SQL Server, checked offline (no server is available here): it validates, its text compares as on the
/// other providers, its unique indexes leave NULLs out as theirs do, and its cascading keys are ones SQL Server accepts.
/// </summary>
public sealed class SqlServerModelTests
{
    [Fact]
    public void Model_OnSqlServer_ValidatesAndMapsEveryTable()
    {
        using var context = SqlServerOffline.CreateContext();

        // Building the model runs the provider's validation (key types, index columns, value conversions).
        var tables = RelationalModel(context).Tables.Select(t => t.Name).Order().ToList();

        Assert.True(context.Database.IsSqlServer());
        Assert.Equal(
            ["bulletins", "case_events", "case_feed", "cases", "data_protection_keys", "departments", "grids", "node_settings", "outbox_messages", "parent_cursors", "routing_rules", "supervision_orders", "users"],
            tables);
    }

    [Fact]
    public void TextColumns_OnSqlServer_CompareWithTheBinaryCollation()
    {
        using var context = SqlServerOffline.CreateContext();
        var text = RelationalModel(context).Tables.SelectMany(t => t.Columns)
            .Where(c => c.StoreType.StartsWith("nvarchar(", StringComparison.Ordinal) && c.StoreType != "nvarchar(max)")
            .ToList();

        Assert.NotEmpty(text);
        Assert.All(text, column => Assert.True(
            column.Collation == SqlServerCollation, $"{column.Table.Name}.{column.Name} has collation {column.Collation ?? "(database default)"}"));
    }

    [Fact]
    public void DateTimeOffsets_OnSqlServer_AreDatetimeoffsetColumnsWrittenInUtc()
    {
        using var context = SqlServerOffline.CreateContext();
        var times = context.Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Concat(t.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties())))
            .Where(p => Nullable.GetUnderlyingType(p.ClrType) == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset))
            .ToList();

        Assert.NotEmpty(times);
        Assert.All(times, property =>
        {
            Assert.Equal("datetimeoffset", property.GetColumnType());
            var converter = property.GetTypeMapping().Converter;
            Assert.NotNull(converter);
            var local = new DateTimeOffset(2026, 12, 5, 9, 30, 0, TimeSpan.FromHours(8));
            Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)converter.ConvertToProvider(local)!).Offset);
        });
    }

    /// <summary>
    /// SQLite and PostgreSQL let any number of rows hold NULL in a unique index's columns; SQL Server counts NULLs as
    /// equal. So on SQL Server every unique index over a nullable column must leave out the rows where it is NULL
    /// (EF adds that filter to unique indexes without one). A column that is nullable only because an optional owned
    /// value shares the table is NULL exactly when that value is absent, which a filter on one of its required
    /// siblings already leaves out.
    /// </summary>
    [Fact]
    public void UniqueIndexesOverNullableColumns_OnSqlServer_LeaveNullsOut()
    {
        using var context = SqlServerOffline.CreateContext();
        var problems = new List<string>();
        var checkedIndexes = 0;
        foreach (var index in RelationalModel(context).Tables.SelectMany(t => t.Indexes).Where(i => i.IsUnique))
        {
            var filter = index.Filter ?? string.Empty;
            foreach (var column in index.Columns.Where(c => c.IsNullable))
            {
                checkedIndexes++;
                if (!LeavesOutNulls(filter, column, index.Columns))
                {
                    problems.Add($"{index.Name}: rows with {column.Name} NULL are in it (filter: {index.Filter ?? "none"})");
                }
            }
        }

        Assert.True(checkedIndexes > 0, "No unique index over a nullable column was checked.");
        Assert.Empty(problems);
    }

    [Fact]
    public void CascadingForeignKeys_OnSqlServer_HaveNoCycleAndOnePathPerPairOfTables()
    {
        using var context = SqlServerOffline.CreateContext();
        var edges = RelationalModel(context).Tables
            .SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull or ReferentialAction.SetDefault)
            .Select(fk => (fk.PrincipalTable.Name, fk.Table.Name))
            .ToList();

        Assert.Contains(("cases", "case_events"), edges);
        Assert.Empty(CascadePaths.Problems(edges));
    }

    [Fact]
    public void CascadePaths_TwoRoutesOrACycle_AreReported()
    {
        // departments -> users -> orders and departments -> orders: SQL Server's error 1785.
        Assert.Equal(
            ["2 cascade paths from departments to orders"],
            CascadePaths.Problems([("departments", "users"), ("users", "orders"), ("departments", "orders")]));
        Assert.Equal(
            ["2 cascade paths from cases to case_events"],
            CascadePaths.Problems([("cases", "case_events"), ("cases", "case_events")]));
        Assert.Contains("cascade cycle a -> b -> a", CascadePaths.Problems([("a", "b"), ("b", "a")]));
        Assert.Empty(CascadePaths.Problems([("cases", "case_events"), ("departments", "users")]));
    }

    private const string SqlServerCollation = "Latin1_General_100_BIN2";

    private static IRelationalModel RelationalModel(DbContext context) =>
        context.GetService<IDesignTimeModel>().Model.GetRelationalModel();

    private static bool LeavesOutNulls(string filter, IColumn column, IReadOnlyList<IColumn> indexColumns)
    {
        if (filter.Contains($"{column.Name} IS NOT NULL", StringComparison.Ordinal)
            || filter.Contains($"[{column.Name}] IS NOT NULL", StringComparison.Ordinal))
        {
            return true;
        }

        // Nullable only by table sharing: required in its own (owned) type, next to a filtered sibling of that type.
        var properties = column.PropertyMappings.Select(m => m.Property).ToList();
        return properties.All(p => !p.IsNullable)
            && indexColumns.Where(c => c != column).Any(sibling =>
                sibling.PropertyMappings.Any(m => properties.Any(p => p.DeclaringType == m.Property.DeclaringType))
                && filter.Contains($"{sibling.Name} IS NOT NULL", StringComparison.Ordinal));
    }
}
