using Dispatch.Application.Stats.Bulletins;
using Dispatch.Contracts.V1;
using Dispatch.Data;
using Dispatch.Node.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Evaluation = Dispatch.Domain.Evaluation;

namespace Dispatch.Node.Tests.Stats;

/// <summary>
/// Bulletins produced on the fake clock by a node whose report time zone is Asia/Shanghai (UTC+8, no daylight
/// saving): its days end at 16:00 UTC, so a day that has ended there has not ended in UTC. The first case is
/// reported at 2026-11-24 08:00 UTC, 16:00 in Shanghai, on a Tuesday.
/// </summary>
public abstract partial class BulletinTests(StorageKind storage) : ScenarioTestBase(storage)
{
    private const string Zone = "Asia/Shanghai";

    private readonly BulletinInsertGate _gate = new();

    protected override IReadOnlyDictionary<string, string?> NodeSettings => new Dictionary<string, string?> { ["Stats:TimeZone"] = Zone };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<DispatchDbContext>(o => o.AddInterceptors(_gate), ServiceLifetime.Singleton);

    /// <summary>Midnight starting <paramref name="day"/> in Shanghai, as a UTC instant.</summary>
    private static DateTimeOffset MidnightOf(int year, int month, int day) => new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private BulletinProducer Producer => Node.Services.GetRequiredService<BulletinProducer>();

    [Fact]
    public async Task ProduceDue_AfterEachDayWeekAndMonthEnds_StoresExactlyTheCompletedPeriodsInTheNodesZone()
    {
        await ReportAcceptAssignAsync("first");

        // The day of the first case in Shanghai has not ended; the one before ended before the first case.
        Assert.Empty(await Producer.ProduceDueAsync(CancellationToken.None));
        ClockTo(MidnightOf(2026, 11, 25).AddMinutes(-1));
        Assert.Empty(await Producer.ProduceDueAsync(CancellationToken.None));

        // 00:00 on 25 November in Shanghai, 16:00 on the 24th in UTC: the Shanghai day of the 24th is done.
        ClockTo(MidnightOf(2026, 11, 25));
        var day = Assert.Single(await Producer.ProduceDueAsync(CancellationToken.None));
        Assert.Equal((Evaluation.ReportKind.Daily, new DateOnly(2026, 11, 24)), (day.Kind, day.FirstDay));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero), day.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero), day.To);
        Assert.Empty(await Producer.ProduceDueAsync(CancellationToken.None));

        // Monday 30 November 00:00: the days not produced since, and the week of the 23rd.
        ClockTo(MidnightOf(2026, 11, 30));
        Assert.Equal(
            ["Daily 2026-11-25", "Daily 2026-11-26", "Daily 2026-11-27", "Daily 2026-11-28", "Daily 2026-11-29", "Weekly 2026-11-23"],
            Names(await Producer.ProduceDueAsync(CancellationToken.None)));

        // 1 December 00:00: the 30th and the month of November (its days in Shanghai).
        ClockTo(MidnightOf(2026, 12, 1));
        var produced = await Producer.ProduceDueAsync(CancellationToken.None);
        Assert.Equal(["Daily 2026-11-30", "Monthly 2026-11-01"], Names(produced));
        Assert.Equal(MidnightOf(2026, 11, 1), produced[1].From);
        Assert.Equal(MidnightOf(2026, 12, 1), produced[1].To);
        Assert.Empty(await Producer.ProduceDueAsync(CancellationToken.None));

        var listed = await ListAllAsync(new ListBulletinsRequest { PageSize = 200 });
        Assert.Equal(
            ["DAILY 2026-11-30", "DAILY 2026-11-29", "DAILY 2026-11-28", "DAILY 2026-11-27", "DAILY 2026-11-26", "DAILY 2026-11-25", "DAILY 2026-11-24", "WEEKLY 2026-11-23", "MONTHLY 2026-11-01"],
            listed.Select(Name));
        var week = listed.Single(b => b.Kind == ReportKind.Weekly);
        Assert.Equal(MidnightOf(2026, 11, 23), week.From.ToDateTimeOffset());
        Assert.Equal(MidnightOf(2026, 11, 30), week.To.ToDateTimeOffset());
        Assert.Equal(MidnightOf(2026, 11, 30), week.ProducedAt.ToDateTimeOffset());
        Assert.Equal(Zone, week.TimeZone);
        Assert.Equal(["dispatch-weekly-2026-11-23.csv", "dispatch-weekly-2026-11-23.html"], week.Files.Select(f => f.FileName));
        Assert.Equal([ReportFormat.Csv, ReportFormat.Html], week.Files.Select(f => f.Format));
        Assert.All(week.Files, f => Assert.True(f.Size > 100));
        Assert.Equal(9, await StoredCountAsync());
    }

    [Fact]
    public async Task ProduceDue_NoCaseYet_StoresNothing()
    {
        ClockTo(MidnightOf(2026, 12, 1));
        Assert.Empty(await Producer.ProduceDueAsync(CancellationToken.None));
        Assert.Empty(await ListAllAsync(new ListBulletinsRequest()));
        Assert.Equal(0, await StoredCountAsync());
    }

    [Fact]
    public async Task ProduceDue_StartedMomentsBeforeMidnight_WaitsForItAndProducesTheDayEnding()
    {
        await ReportAcceptAssignAsync("first");
        ClockTo(MidnightOf(2026, 11, 25).AddSeconds(-1));

        // A scheduler that starts the midnight job a second early: the run waits out the second on the node's clock.
        var run = Producer.ProduceDueAsync(Evaluation.ReportKind.Daily, CancellationToken.None);
        Assert.False(run.IsCompleted);
        Assert.Equal(0, await StoredCountAsync());
        Node.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["Daily 2026-11-24"], Names(await run));
        Assert.Equal(1, await StoredCountAsync());
    }

    [Fact]
    public async Task ProduceDue_TwiceAndConcurrently_StoresEachBulletinOnce()
    {
        await ReportAcceptAssignAsync("first");
        ClockTo(MidnightOf(2026, 11, 25));

        // Two runs (as two replicas at midnight) build the same day and insert it at the same moment.
        _gate.Arm(parties: 2);
        var runs = await Task.WhenAll(
            Task.Run(() => Producer.ProduceDueAsync(Evaluation.ReportKind.Daily, CancellationToken.None)),
            Task.Run(() => Producer.ProduceDueAsync(Evaluation.ReportKind.Daily, CancellationToken.None)));
        Assert.Equal(2, _gate.Held);
        Assert.Equal(["Daily 2026-11-24"], runs.SelectMany(Names));
        Assert.Equal(1, await StoredCountAsync());

        // Then many at once over several missed periods: each stored once, and reported by the run that stored it.
        ClockTo(MidnightOf(2026, 12, 1));
        var all = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Producer.ProduceDueAsync(CancellationToken.None))));
        var produced = all.SelectMany(Names).Order().ToList();
        Assert.Equal(produced.Distinct(), produced);
        Assert.Equal(8, produced.Count);   // days 25-30, the week of the 23rd, November
        Assert.Empty(await Producer.ProduceDueAsync(CancellationToken.None));
        Assert.Equal(9, await StoredCountAsync());
    }

    [Fact]
    public async Task ProduceDue_AfterTheNodeWasDownFiveWeeks_CatchesUpWithinTheWindow()
    {
        await ReportAcceptAssignAsync("first");
        ClockTo(MidnightOf(2026, 11, 25));
        Assert.Single(await Producer.ProduceDueAsync(CancellationToken.None));

        // Down from 25 November to New Year's Day 00:00 in Shanghai; at start the node runs each kind's recurring
        // job once through Hangfire, and that catches up with no one asking.
        await Node.StopAsync();
        Node.Clock.Jump(MidnightOf(2027, 1, 1) - Node.Clock.GetUtcNow());
        await Node.RestartAsync();
        await Node.WaitForJobsAsync();
        ForgetSignIns();

        // Days: the last 31 (December); 25-30 November are older and stay missing. Weeks: those after the
        // first case (from the 23 November one) up to the last completed one, 21-27 December. Months: November, December.
        var days = Enumerable.Range(1, 31).Select(d => $"Daily 2026-12-{d:00}");
        var weeks = new[] { "2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21" }.Select(w => $"Weekly {w}");
        Assert.Equal(["Daily 2026-11-24", .. days, .. weeks, "Monthly 2026-11-01", "Monthly 2026-12-01"], await StoredNamesAsync());
        Assert.Empty(await Producer.ProduceDueAsync(CancellationToken.None));
        Assert.Equal(39, await StoredCountAsync());
        await RpcAssert.FailsAsync(
            global::Grpc.Core.StatusCode.NotFound,
            (await StatsAs("supervisor")).GetBulletinAsync(new GetBulletinRequest { Kind = ReportKind.Daily, Date = "2026-11-27", Format = ReportFormat.Csv }),
            "daily bulletin of 2026-11-27 was not produced");
    }

    [Fact]
    public void Node_RegistersOneRecurringJobPerKind_AtMidnightInItsZone()
    {
        using var connection = Node.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var jobs = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection)
            .Where(j => j.Id.StartsWith("bulletins-", StringComparison.Ordinal)).OrderBy(j => j.Id, StringComparer.Ordinal).ToList();

        Assert.Equal(
            [("bulletins-daily", "0 0 * * *"), ("bulletins-monthly", "0 0 1 * *"), ("bulletins-weekly", "0 0 * * 1")],
            jobs.Select(j => (j.Id, j.Cron)));
        Assert.All(jobs, j => Assert.Equal(Zone, j.TimeZoneId));
        Assert.All(jobs, j => Assert.Equal(nameof(Dispatch.Node.Stats.BulletinJobs.ProduceAsync), j.Job.Method.Name));

        // Hangfire computes the next run on the machine's clock: a daily job's next run is a Shanghai midnight.
        var next = jobs[0].NextExecution!.Value;
        Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTimeBySystemTimeZoneId(new DateTimeOffset(next, TimeSpan.Zero), Zone).TimeOfDay);
    }

    private static List<string> Names(IEnumerable<Evaluation.ReportPeriod> periods) => [.. periods.Select(p => $"{p.Kind} {p.FirstDay:yyyy-MM-dd}")];

    private static string Name(Bulletin b) => $"{b.Kind.ToString().ToUpperInvariant()} {b.FirstDay}";

    /// <summary>The stored bulletins, "Kind first-day", by kind, then by day.</summary>
    private async Task<List<string>> StoredNamesAsync()
    {
        await using var db = await Node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>().CreateDbContextAsync();
        var stored = await db.Bulletins.Select(b => new { b.Kind, b.FirstDay }).ToListAsync();
        return [.. stored.OrderBy(b => b.Kind).ThenBy(b => b.FirstDay).Select(b => $"{b.Kind} {b.FirstDay:yyyy-MM-dd}")];
    }

    private async Task<int> StoredCountAsync()
    {
        await using var db = await Node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>().CreateDbContextAsync();
        return await db.Bulletins.CountAsync();
    }

    /// <summary>Every page of the list, as a supervisor reads it; each page at most the size asked for.</summary>
    private async Task<List<Bulletin>> ListAllAsync(ListBulletinsRequest request)
    {
        var stats = await StatsAs("supervisor");
        var all = new List<Bulletin>();
        do
        {
            var page = await stats.ListBulletinsAsync(request);
            Assert.True(page.Bulletins.Count <= (request.PageSize == 0 ? 50 : request.PageSize));
            Assert.True(page.NextPageToken.Length == 0 || page.Bulletins.Count > 0);
            all.AddRange(page.Bulletins);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return all;
    }

    private async Task<StatsService.StatsServiceClient> StatsAs(string userName) =>
        new(Node.Channel.CreateCallInvoker().WithToken(await Node.LoginAsync(userName)));

    /// <summary>Moves the fake clock to <paramref name="at"/>; sign-ins are renewed, as tokens may have expired.</summary>
    private void ClockTo(DateTimeOffset at)
    {
        Node.Clock.Jump(at - Node.Clock.GetUtcNow());
        ForgetSignIns();
    }
}

public sealed class BulletinSqliteTests() : BulletinTests(StorageKind.Sqlite);

public sealed class BulletinPostgresTests() : BulletinTests(StorageKind.Postgres);
