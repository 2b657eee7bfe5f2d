using Dispatch.Data.Feed;
using Dispatch.Data.Tests.Infrastructure;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data.Tests;

/// <summary>
/// <see cref="Case.Version"/> is the optimistic concurrency token: a change made from a stale copy fails
/// with <see cref="DbUpdateConcurrencyException"/> and writes nothing (no case update, no event, no feed row).
/// </summary>
public sealed class ConcurrencyTests
{
    private static readonly Guid Dispatcher = Guid.NewGuid();

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public Task SaveChangesAsync_TwoWritersFromOneVersion_SecondThrowsAndWritesNothing(DatabaseProvider provider) =>
        TwoWritersFromOneVersionAsync(provider, context => context.SaveChangesAsync());

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public Task SaveChanges_TwoWritersFromOneVersion_SecondThrowsAndWritesNothing(DatabaseProvider provider) =>
        TwoWritersFromOneVersionAsync(provider, context => Task.FromResult(context.SaveChanges()));

    /// <summary>
    /// How a node applies a request's <c>expected_version</c>: it becomes the original value of the token,
    /// so the update matches only if the stored version is still the one the client saw.
    /// </summary>
    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_ExpectedVersionBehindStoredVersion_ThrowsAndWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var reported = TestCases.Report();
        reported.Accept(Dispatcher, TestCases.T0.AddMinutes(1));
        await CaseRoundTripTests.SaveNewAsync(database, reported);
        const int expectedVersion = 1;

        await using var context = database.CreateContext();
        var stored = await context.Cases.Include(c => c.History).SingleAsync(c => c.Id == reported.Id);
        context.Entry(stored).Property(c => c.Version).OriginalValue = expectedVersion;
        stored.Assign(Dispatcher, TestCases.T0.AddMinutes(2), Assignee.Department(Guid.NewGuid()));
        context.CaseFeed.Add(CaseFeedEntry.From(stored.History[^1]));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());
        await AssertStoredAsync(database, reported.Id, CaseStatus.Accepted, version: 2, lastEvent: CaseEventType.CaseAccepted);
        Assert.Empty(await FeedAsync(database, reported.Id));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_ExpectedVersionCurrent_Succeeds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var reported = TestCases.Report();
        await CaseRoundTripTests.SaveNewAsync(database, reported);

        await using (var context = database.CreateContext())
        {
            var stored = await context.Cases.Include(c => c.History).SingleAsync(c => c.Id == reported.Id);
            context.Entry(stored).Property(c => c.Version).OriginalValue = 1;
            stored.Accept(Dispatcher, TestCases.T0.AddMinutes(1));
            await context.SaveChangesAsync();
        }

        await AssertStoredAsync(database, reported.Id, CaseStatus.Accepted, version: 2, lastEvent: CaseEventType.CaseAccepted);
    }

    private static async Task TwoWritersFromOneVersionAsync(DatabaseProvider provider, Func<DispatchDbContext, Task> save)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var reported = TestCases.Report();
        await CaseRoundTripTests.SaveNewAsync(database, reported);

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var firstCopy = await first.Cases.Include(c => c.History).SingleAsync(c => c.Id == reported.Id);
        var secondCopy = await second.Cases.Include(c => c.History).SingleAsync(c => c.Id == reported.Id);

        firstCopy.Accept(Dispatcher, TestCases.T0.AddMinutes(1));
        first.CaseFeed.Add(CaseFeedEntry.From(firstCopy.History[^1]));
        await first.SaveChangesAsync();

        // Both copies now hold an event with sequence 2: the loser must see a concurrency conflict.
        secondCopy.Reject(Dispatcher, TestCases.T0.AddMinutes(2), "Not ours.");
        second.CaseFeed.Add(CaseFeedEntry.From(secondCopy.History[^1]));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => save(second));

        await AssertStoredAsync(database, reported.Id, CaseStatus.Accepted, version: 2, lastEvent: CaseEventType.CaseAccepted);
        Assert.Equal([(CaseEventType.CaseAccepted, 2)], await FeedAsync(database, reported.Id));
    }

    private static async Task AssertStoredAsync(
        TestDatabase database, Guid caseId, CaseStatus status, int version, CaseEventType lastEvent)
    {
        var stored = await CaseRoundTripTests.LoadAsync(database, caseId);
        Assert.Equal(status, stored.Status);
        Assert.Equal(version, stored.Version);
        Assert.Equal(version, stored.History.Count);
        Assert.Equal(lastEvent, stored.History[^1].Type);
    }

    private static async Task<List<(CaseEventType, int)>> FeedAsync(TestDatabase database, Guid caseId)
    {
        await using var context = database.CreateContext();
        var feed = await context.CaseFeed.Where(f => f.CaseId == caseId).OrderBy(f => f.Sequence).ToListAsync();
        return feed.Select(f => (f.EventType, f.Version)).ToList();
    }
}
