using Dispatch.Data.Tests.Infrastructure;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data.Tests;

/// <summary>Cases and their history read back exactly as they were written, after every kind of change.</summary>
public sealed class CaseRoundTripTests
{
    private static readonly Guid Dispatcher = Guid.NewGuid();
    private static readonly Guid Worker = Guid.NewGuid();
    private static readonly Guid Verifier = Guid.NewGuid();

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_ReportedCase_ReadsBackEveryFieldAndEvent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var reported = TestCases.Report(handlingMode: HandlingMode.Immediate);
        await SaveNewAsync(database, reported);

        var loaded = await LoadAsync(database, reported.Id);

        Assert.Equal(2, loaded.History.Count);
        Assert.Equal(Snapshot.Of(reported), Snapshot.Of(loaded));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_EveryChangeInItsOwnUnitOfWork_ReadsBackEveryFieldAndEvent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var expected = TestCases.Report();
        await SaveNewAsync(database, expected);
        var t = TestCases.T0;
        var department = Guid.NewGuid();

        // Each step is applied to the in-memory case and, in a fresh context, to the stored one.
        Action<Case>[] steps =
        [
            c => c.Accept(Dispatcher, t.AddMinutes(1), "Confirmed on the map."),
            c => c.Assign(Dispatcher, t.AddMinutes(2), Assignee.Worker(Worker)),
            c => c.Defer(Worker, t.AddMinutes(3), t.AddDays(2), "Parts on order."),
            c => c.Resume(Worker, t.AddHours(5)),
            c => c.Start(Worker, t.AddHours(6)),
            c => c.Resolve(Worker, t.AddHours(7), "Lamp replaced.", [TestCases.PhotoUrl + "?after"]),
            c => c.Verify(Verifier, t.AddHours(8), passed: false, "Still flickering."),
            c => c.Start(Worker, t.AddHours(9)),
            c => c.Resolve(Worker, t.AddHours(10), "Ballast replaced too."),
            c => c.Verify(Verifier, t.AddHours(11), passed: true, evidenceRefs: ["sha512:" + new string('b', 128)]),
            c => c.Rate(c.ReporterId, t.AddHours(12), 4, "Quick."),
            c => c.Reopen(Dispatcher, t.AddDays(3), "Dark again."),
            c => c.Reschedule(t.AddDays(3).AddMinutes(1), t.AddDays(4)),
            c => Assert.True(c.MarkOverdue(t.AddDays(5))),
            c => c.Assign(Dispatcher, t.AddDays(5).AddMinutes(1), Assignee.Department(department)),
        ];

        foreach (var step in steps)
        {
            step(expected);
            await using var context = database.CreateContext();
            var stored = await context.Cases.Include(c => c.History).SingleAsync(c => c.Id == expected.Id);
            step(stored);
            await context.SaveChangesAsync();
            Assert.Equal(Snapshot.Of(expected), Snapshot.Of(await LoadAsync(database, expected.Id)));
        }

        Assert.Equal(steps.Length + 1, expected.Version);
        Assert.Equal(TimeSpan.FromHours(5) - TimeSpan.FromMinutes(3), expected.PausedTotal);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_MergedAndRejectedCases_ReadBack(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var original = TestCases.Report();
        var duplicate = TestCases.Report();
        var rejected = TestCases.Report();
        duplicate.MergeInto(Dispatcher, TestCases.T0.AddMinutes(5), original);
        rejected.Reject(Dispatcher, TestCases.T0.AddMinutes(5), "Private property.");
        await SaveNewAsync(database, original, duplicate, rejected);

        foreach (var expected in new[] { original, duplicate, rejected })
        {
            Assert.Equal(Snapshot.Of(expected), Snapshot.Of(await LoadAsync(database, expected.Id)));
        }

        Assert.Equal(original.Id, (await LoadAsync(database, duplicate.Id)).MergedIntoCaseId);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_TimesWithAnOffset_ReadBackAsTheSameInstantInUtc(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var beijing = TimeSpan.FromHours(8);
        var reported = TestCases.Report(now: TestCases.T0.ToOffset(beijing), dueAt: TestCases.T0.AddHours(2).ToOffset(beijing));
        await SaveNewAsync(database, reported);

        var loaded = await LoadAsync(database, reported.Id);

        Assert.Equal(TimeSpan.Zero, loaded.ReportedAt.Offset);
        Assert.Equal(TestCases.T0.UtcTicks, loaded.ReportedAt.UtcTicks);
        Assert.Equal(TestCases.T0.AddHours(2).UtcTicks, loaded.DueAt!.Value.UtcTicks);
        Assert.Equal(TestCases.T0.UtcTicks, loaded.History[0].At.UtcTicks);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_TimeWithSubMicrosecondTicks_SqliteKeepsThemPostgresKeepsMicroseconds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var reported = TestCases.Report(now: TestCases.T0.AddTicks(7));
        await SaveNewAsync(database, reported);

        var loaded = await LoadAsync(database, reported.Id);

        var expected = provider == DatabaseProvider.Sqlite ? TestCases.T0.AddTicks(7) : TestCases.T0;
        Assert.Equal(expected.UtcTicks, loaded.ReportedAt.UtcTicks);
    }

    internal static async Task SaveNewAsync(TestDatabase database, params Case[] cases)
    {
        await using var context = database.CreateContext();
        context.Cases.AddRange(cases);
        await context.SaveChangesAsync();
    }

    internal static async Task<Case> LoadAsync(TestDatabase database, Guid id)
    {
        await using var context = database.CreateContext();
        return await context.Cases.AsNoTracking().Include(c => c.History.OrderBy(e => e.Sequence)).SingleAsync(c => c.Id == id);
    }
}
