using Dispatch.Data.Feed;
using Dispatch.Data.Tests.Infrastructure;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data.Tests;

/// <summary>The node-wide feed: a sequence that only grows, across cases and commits, to resume from.</summary>
public sealed class CaseFeedTests
{
    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_EventsOfSeveralCases_GetIncreasingSequences(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var first = TestCases.Report();
        var second = TestCases.Report();
        await AppendAsync(database, first, second);
        await using (var context = database.CreateContext())
        {
            var stored = await context.Cases.Include(c => c.History).SingleAsync(c => c.Id == first.Id);
            stored.Accept(Guid.NewGuid(), TestCases.T0.AddMinutes(1));
            context.CaseFeed.Add(CaseFeedEntry.From(stored.History[^1]));
            await context.SaveChangesAsync();
        }

        await using var reader = database.CreateContext();
        var feed = await reader.CaseFeed.OrderBy(f => f.Sequence).ToListAsync();
        Assert.Equal(3, feed.Count);
        Assert.True(feed[0].Sequence > 0 && feed[0].Sequence < feed[1].Sequence && feed[1].Sequence < feed[2].Sequence);
        Assert.Equal((first.Id, CaseEventType.CaseAccepted, CaseStatus.Accepted, 2), (feed[2].CaseId, feed[2].EventType, feed[2].Status, feed[2].Version));
        Assert.Equal(TestCases.T0.AddMinutes(1), feed[2].At);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Query_AfterASequence_ReturnsOnlyLaterEntriesInOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var cases = Enumerable.Range(0, 5).Select(_ => TestCases.Report()).ToArray();
        await AppendAsync(database, cases);

        await using var context = database.CreateContext();
        var all = await context.CaseFeed.OrderBy(f => f.Sequence).Select(f => f.Sequence).ToListAsync();
        var resumeAfter = all[1];
        var rest = await context.CaseFeed.Where(f => f.Sequence > resumeAfter).OrderBy(f => f.Sequence).Take(10).ToListAsync();

        Assert.Equal(all.Skip(2), rest.Select(f => f.Sequence));
        Assert.Equal(cases.Skip(2).Select(c => c.Id), rest.Select(f => f.CaseId));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_AfterTheLastEntryWasDeleted_NeverReusesItsSequence(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await AppendAsync(database, TestCases.Report(), TestCases.Report());
        long last;
        await using (var context = database.CreateContext())
        {
            last = await context.CaseFeed.MaxAsync(f => f.Sequence);
            await context.CaseFeed.Where(f => f.Sequence == last).ExecuteDeleteAsync();
        }

        await AppendAsync(database, TestCases.Report());

        await using var reader = database.CreateContext();
        Assert.True(await reader.CaseFeed.MaxAsync(f => f.Sequence) > last);
    }

    private static async Task AppendAsync(TestDatabase database, params Case[] cases)
    {
        // One commit per case, as reports arrive.
        foreach (var reported in cases)
        {
            await using var context = database.CreateContext();
            context.Cases.Add(reported);
            context.CaseFeed.Add(CaseFeedEntry.From(reported.History[^1]));
            await context.SaveChangesAsync();
        }
    }
}
