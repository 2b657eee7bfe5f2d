using Dispatch.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data.Tests;

/// <summary>
/// The store backs <c>ReportCase</c>'s idempotency: one case per (reporter, request id), so a retry that
/// races the first attempt fails with a unique violation and the node answers with the existing case.
/// </summary>
public sealed class ReportIdempotencyTests
{
    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_SameReporterAndRequestId_IsAUniqueViolationAndWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var reporter = Guid.NewGuid();
        var first = TestCases.Report(reporterId: reporter, requestId: "req-1");
        await CaseRoundTripTests.SaveNewAsync(database, first);

        var error = await Assert.ThrowsAsync<DbUpdateException>(
            () => CaseRoundTripTests.SaveNewAsync(database, TestCases.Report(reporterId: reporter, requestId: "req-1")));

        Assert.True(error.IsUniqueViolation());
        await using var context = database.CreateContext();
        Assert.Equal(first.Id, await context.Cases.Where(c => c.ReporterId == reporter && c.RequestId == "req-1").Select(c => c.Id).SingleAsync());
        Assert.Equal(1, await context.CaseEvents.CountAsync());
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_SameRequestIdFromAnotherReporter_IsAnotherCase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await CaseRoundTripTests.SaveNewAsync(database, TestCases.Report(requestId: "req-1"));
        await CaseRoundTripTests.SaveNewAsync(database, TestCases.Report(requestId: "req-1"));

        await using var context = database.CreateContext();
        Assert.Equal(2, await context.Cases.CountAsync());
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_DuplicateCaseNumber_IsAUniqueViolation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await CaseRoundTripTests.SaveNewAsync(database, TestCases.Report(number: "C-20261124-000001"));

        var error = await Assert.ThrowsAsync<DbUpdateException>(
            () => CaseRoundTripTests.SaveNewAsync(database, TestCases.Report(number: "C-20261124-000001")));

        Assert.True(error.IsUniqueViolation());
    }
}
