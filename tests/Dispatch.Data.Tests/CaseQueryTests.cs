using Dispatch.Data.Tests.Infrastructure;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data.Tests;

/// <summary>
/// The command centre's filters and sorts run in SQL on both providers (EF throws rather than evaluate a
/// filter or sort on the client), including comparisons and ordering of times given with mixed offsets.
/// </summary>
public sealed class CaseQueryTests
{
    private static readonly Guid Dispatcher = Guid.NewGuid();

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Query_DueTimesWithMixedOffsets_CompareAndOrderByInstant(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var t = TestCases.T0;

        // By wall-clock text these sort the other way round: 10:00+08:00 is 02:00 UTC, 05:00Z is 05:00 UTC.
        var early = TestCases.Report(dueAt: new DateTimeOffset(t.Date.AddDays(1).AddHours(10), TimeSpan.FromHours(8)));
        var late = TestCases.Report(dueAt: new DateTimeOffset(t.Date.AddDays(1).AddHours(5), TimeSpan.Zero));
        var latest = TestCases.Report(dueAt: new DateTimeOffset(t.Date.AddDays(1).AddHours(1), TimeSpan.FromHours(-7)));
        await CaseRoundTripTests.SaveNewAsync(database, late, latest, early);

        await using var context = database.CreateContext();
        var ordered = await context.Cases.OrderBy(c => c.DueAt).Select(c => c.Id).ToListAsync();
        var threshold = new DateTimeOffset(t.Date.AddDays(1).AddHours(12), TimeSpan.FromHours(8)); // 04:00 UTC
        var dueBefore = await context.Cases.Where(c => c.DueAt < threshold).Select(c => c.Id).ToListAsync();

        Assert.Equal([early.Id, late.Id, latest.Id], ordered);
        Assert.Equal([early.Id], dueBefore);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Query_CommandCentreFilters_ReturnTheMatchingCasesNewestFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var department = Guid.NewGuid();
        var otherGrid = GridId.Parse("110101001002999");
        var first = TestCases.Report(now: TestCases.T0);
        var second = TestCases.Report(now: TestCases.T0.AddMinutes(1), whistle: WhistleClass.Emergency);
        var third = TestCases.Report(now: TestCases.T0.AddMinutes(2), grid: otherGrid, categoryCode: "0102");
        foreach (var c in new[] { first, third })
        {
            c.Accept(Dispatcher, TestCases.T0.AddMinutes(3));
            c.Assign(Dispatcher, TestCases.T0.AddMinutes(4), Assignee.Department(department));
        }

        await CaseRoundTripTests.SaveNewAsync(database, first, second, third);

        await using var context = database.CreateContext();
        var newestFirst = context.Cases.OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Id);
        var assigned = await newestFirst.Where(c => c.Status == CaseStatus.Assigned).Select(c => c.Id).ToListAsync();
        var inGrid = await newestFirst.Where(c => c.GridId == TestCases.Grid).Select(c => c.Id).ToListAsync();
        var byDepartment = await newestFirst
            .Where(c => c.AssigneeKind == AssigneeKind.Department && c.AssigneeId == department)
            .Select(c => c.Id).ToListAsync();
        var emergencies = await newestFirst.Where(c => c.Whistle == WhistleClass.Emergency).Select(c => c.Id).ToListAsync();
        var byCategory = await newestFirst.Where(c => c.CategoryCode == "0102").Select(c => c.Id).ToListAsync();
        var page = await newestFirst.Where(c => c.ReportedAt < third.ReportedAt).Take(1).Select(c => c.Id).ToListAsync();

        Assert.Equal([third.Id, first.Id], assigned);
        Assert.Equal([second.Id, first.Id], inGrid);
        Assert.Equal([third.Id, first.Id], byDepartment);
        Assert.Equal([second.Id], emergencies);
        Assert.Equal([third.Id], byCategory);
        Assert.Equal([second.Id], page);
    }
}
