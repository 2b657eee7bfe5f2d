using Dispatch.Data.Feed;
using Dispatch.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data.Tests;

/// <summary>
/// On PostgreSQL a feed append waits while another one is uncommitted, so no sequence can become visible
/// before a smaller one: a watcher resuming after the largest sequence it saw misses nothing.
/// </summary>
public sealed class CaseFeedOrderingTests
{
    [Theory]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_WhileAnotherAppendIsUncommitted_WaitsAndGetsTheLaterSequence(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var early = TestCases.Report();
        var late = TestCases.Report();

        await using var first = database.CreateContext();
        await using var transaction = await first.Database.BeginTransactionAsync();
        first.Cases.Add(early);
        first.CaseFeed.Add(CaseFeedEntry.From(early.History[^1]));
        await first.SaveChangesAsync();

        await using var second = database.CreateContext();
        second.Cases.Add(late);
        second.CaseFeed.Add(CaseFeedEntry.From(late.History[^1]));
        var secondSave = second.SaveChangesAsync();

        await WaitForAdvisoryLockWaiterAsync(database);
        Assert.False(secondSave.IsCompleted);
        await transaction.CommitAsync();
        await secondSave;

        await using var reader = database.CreateContext();
        var feed = await reader.CaseFeed.OrderBy(f => f.Sequence).Select(f => f.CaseId).ToListAsync();
        Assert.Equal([early.Id, late.Id], feed);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_FeedAppendInsideACallersTransaction_CommitsWithIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var reported = TestCases.Report();
        await using (var context = database.CreateContext())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            context.Cases.Add(reported);
            context.CaseFeed.Add(CaseFeedEntry.From(reported.History[^1]));
            await context.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using var reader = database.CreateContext();
        Assert.Equal(0, await reader.Cases.CountAsync());
        Assert.Equal(0, await reader.CaseFeed.CountAsync());
    }

    // Advisory lock requests of this test's database that are still waiting.
    private const string WaitingForLock =
        "SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND NOT granted " +
        "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    // Polls the server's lock table (no fixed sleep): the second save is blocked once its advisory lock
    // request shows up as not granted.
    private static async Task WaitForAdvisoryLockWaiterAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await context.Database.SqlQueryRaw<int>(WaitingForLock).SingleAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The second save never waited for the feed lock.");
            await Task.Delay(20);
        }
    }
}
