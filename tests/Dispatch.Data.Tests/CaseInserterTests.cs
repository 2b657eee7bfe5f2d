using System.Globalization;
using Dispatch.Data.Bulk;
using Dispatch.Data.Feed;
using Dispatch.Data.Tests.Infrastructure;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data.Tests;

/// <summary>The multi-row insert path writes exactly the rows SaveChanges writes, and all or nothing.</summary>
public sealed class CaseInserterTests
{
    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Insert_CasesInEveryShape_WritesTheRowsSaveChangesWrites(DatabaseProvider provider)
    {
        await using var saved = await TestDatabase.CreateMigratedAsync(provider);
        await using var inserted = await TestDatabase.CreateMigratedAsync(provider);
        var cases = VariedCases();

        await SaveWithFeedAsync(saved, cases);
        await InsertAsync(inserted, cases);

        foreach (var query in RowQueries)
        {
            var expected = await RowsAsync(saved, query);
            Assert.Equal(expected, await RowsAsync(inserted, query));
            Assert.NotEmpty(expected);
        }

        foreach (var expected in cases)
        {
            Assert.Equal(Snapshot.Of(expected), Snapshot.Of(await CaseRoundTripTests.LoadAsync(inserted, expected.Id)));
        }
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Insert_ARequestIdAlreadyStored_ThrowsDbUpdateExceptionAndWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var reporter = Guid.NewGuid();
        await SaveWithFeedAsync(database, TestCases.Report(reporterId: reporter, requestId: "retried"));

        var fresh = TestCases.Report();
        var again = TestCases.Report(reporterId: reporter, requestId: "retried");
        await Assert.ThrowsAsync<DbUpdateException>(() => InsertAsync(database, fresh, again));

        await using var context = database.CreateContext();
        Assert.Equal(1, await context.Cases.CountAsync());
        Assert.Equal(1, await context.Set<CaseEvent>().CountAsync());
        Assert.Equal(1, await context.CaseFeed.CountAsync());
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    public async Task Insert_NoTransactionOnTheContext_Throws(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var context = database.CreateContext();
        var inserter = new CaseInserter(context);

        Assert.Throws<InvalidOperationException>(() => inserter.Insert([TestCases.Report()]));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    public async Task Insert_StatementsKeptWithTheConnection_FinalizedWhenItCloses_PreparedAnewWhenItOpensAgain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var context = database.CreateContext();
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        await InsertInAsync(context, TestCases.Report(), TestCases.Report());

        // A statement per table for the rows each insert took: cases, their events, their feed entries.
        Assert.Equal(3, TableInserter.KeptStatements(connection));

        await context.Database.CloseConnectionAsync();
        Assert.Equal(0, TableInserter.KeptStatements(connection));

        await context.Database.OpenConnectionAsync();
        await InsertInAsync(context, TestCases.Report());
        Assert.Equal(3, TableInserter.KeptStatements(connection));
        Assert.Equal(3, await context.Cases.CountAsync());
    }

    private static async Task InsertInAsync(DispatchDbContext context, params Case[] cases)
    {
        await using var transaction = await context.Database.BeginTransactionAsync();
        var inserter = new CaseInserter(context);
        inserter.Insert(cases);
        await transaction.CommitAsync();
    }

    private static readonly string[] RowQueries =
    [
        "SELECT * FROM cases ORDER BY id",
        "SELECT * FROM case_events ORDER BY case_id, sequence",
        // Sequences are the database's; what each row says is ours.
        "SELECT case_id, version, event_type, status, at FROM case_feed ORDER BY case_id, version",
    ];

    private static Case[] VariedCases()
    {
        var dispatcher = Guid.NewGuid();
        var t = TestCases.T0;
        var fixedOnTheSpot = TestCases.Report(handlingMode: HandlingMode.Immediate);
        var deferred = TestCases.Report(whistle: WhistleClass.Tough, categoryCode: "0201");
        deferred.Accept(dispatcher, t.AddMinutes(1));
        deferred.Assign(dispatcher, t.AddMinutes(2), Assignee.Department(Guid.NewGuid()), "Yours.");
        deferred.Defer(dispatcher, t.AddMinutes(3), t.AddDays(2), "Parts on order.");
        var escalated = Case.ReceiveEscalation(
            new CaseReport
            {
                Id = Guid.CreateVersion7(t),
                Number = "C-escalated",
                RequestId = "escalation:village-a:1",
                Title = "Collapsed drain",
                Description = "Beyond the village's means.",
                CategoryCode = "0101",
                GridId = TestCases.Grid,
                Location = Location.Create(39.9, 116.4, ""),
                Whistle = WhistleClass.Emergency,
                HandlingMode = HandlingMode.Joint,
                ReporterId = Guid.NewGuid(),

                // What an array literal must quote (PostgreSQL stores these as an array column): quotes, a
                // backslash, a comma, braces, a space-free NULL.
                EvidenceRefs = ["https://example.com/p?q=\"a,b\"&r={1}\\2", "https://NULL"],
            },
            new CaseOrigin("village-a", Guid.NewGuid(), "C-20261124-0123456789AB"),
            "Needs the town's crew.",
            CategoryCatalogue.Default,
            t);

        // Past its deadline: the flags (booleans) set.
        var overdue = TestCases.Report(dueAt: t.AddHours(24));
        overdue.FireDueAlarms(t.AddDays(2));

        // No evidence: the stored value of an empty collection.
        var withoutEvidence = TestCases.Report(evidenceRefs: []);
        return [TestCases.Report(), fixedOnTheSpot, deferred, escalated, overdue, withoutEvidence];
    }

    /// <summary>What the node's writer did before the insert path: tracked cases and feed entries, one SaveChanges.</summary>
    private static async Task SaveWithFeedAsync(TestDatabase database, params Case[] cases)
    {
        await using var context = database.CreateContext();
        context.Cases.AddRange(cases);
        context.CaseFeed.AddRange(cases.SelectMany(c => c.History).Select(CaseFeedEntry.From));
        await context.SaveChangesAsync();
    }

    private static async Task InsertAsync(TestDatabase database, params Case[] cases)
    {
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync();
        var inserter = new CaseInserter(context);
        inserter.Insert(cases);
        await transaction.CommitAsync();
    }

    private static async Task<List<string>> RowsAsync(TestDatabase database, string sql)
    {
        await using var context = database.CreateContext();
        await context.Database.OpenConnectionAsync();
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join(" | ", values.Select((v, i) => reader.GetName(i) + "=" + Format(v))));
        }

        return rows;
    }

    private static string Format(object value) => value switch
    {
        DBNull => "NULL",
        Array array => "[" + string.Join(",", array.Cast<object>().Select(Format)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
