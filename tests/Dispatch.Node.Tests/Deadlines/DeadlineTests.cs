using Dispatch.Contracts.V1;
using Dispatch.Node.Deadlines;
using Dispatch.Node.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Deadlines;

/// <summary>
/// Deadlines on one node (a district: it supervises itself), on the fake clock: a test moves the clock and starts
/// the sweep through Hangfire (<see cref="DeadlineTestBase.UntilAsync"/>), or waits for a trigger Hangfire started
/// to wait on the clock. A test that something did NOT fire waits for a later sentinel alarm instead of sleeping:
/// sweeps run in time order and the writer commits in order, so once the sentinel's event is seen, anything due
/// earlier has been committed too.
/// </summary>
public abstract class DeadlineTests(StorageKind storage) : DeadlineTestBase(storage)
{
    [Fact]
    public async Task Report_GetsTheDeadlineOfItsWhistleClass_AndTheReminderAtThreeQuarters()
    {
        var start = Node.Clock.GetUtcNow();

        var daily = await ReportedAsync("d-1");
        var emergency = (await (await As("worker1")).ReportCaseAsync(WithWhistle(NewReport("e-1"), WhistleClass.Emergency))).Case;

        Assert.Equal(start.AddHours(24), daily.DueAt.ToDateTimeOffset());
        Assert.Equal(start.AddHours(18), daily.RemindAt.ToDateTimeOffset());
        Assert.Equal(start.AddHours(2), emergency.DueAt.ToDateTimeOffset());
        Assert.Equal(start.AddHours(1.5), emergency.RemindAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task LeftAlone_IsRemindedThenBreaches_MarkedOverdue_WithASupervisionOrder()
    {
        var start = Node.Clock.GetUtcNow();
        var reported = await AssignedAsync("a-1");
        using var watch = (await As("dispatcher")).WatchCases(new WatchCasesRequest());

        Node.Clock.Jump(TimeSpan.FromHours(18));
        await UntilAsync(watch, n => n.CaseId == reported.Id && n.Event.Type == "CaseReminded");
        var reminded = await ReadAsync(reported.Id);
        Assert.True(reminded.Reminded);
        Assert.False(reminded.Overdue);

        Node.Clock.Jump(TimeSpan.FromHours(6));
        var notices = await UntilAsync(watch, n => n.CaseId == reported.Id && n.Event.Type == "CaseSupervised");
        Assert.Contains(notices, n => n.Event.Type == "CaseMarkedOverdue");

        var breached = await ReadAsync(reported.Id);
        Assert.True(breached.Overdue);
        Assert.Equal(start.AddHours(48), breached.SupervisionDueAt.ToDateTimeOffset());
        Assert.Equal(start.AddHours(24), notices.Single(n => n.Event.Type == "CaseMarkedOverdue").Event.At.ToDateTimeOffset());
        Assert.Single(breached.History, e => e.Type == "CaseReminded");
        Assert.Single(breached.History, e => e.Type == "CaseMarkedOverdue");
        Assert.Equal(CaseStatus.Assigned, breached.Status);

        var overdue = await (await As("dispatcher")).ListCasesAsync(new ListCasesRequest { OverdueOnly = true });
        Assert.Equal([reported.Id], overdue.Cases.Select(c => c.Id));

        var orders = (await (await Node.SupervisionAsAsync("supervisor")).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest())).Orders;
        var order = Assert.Single(orders);
        Assert.Equal(SupervisionOrderKind.Breach, order.Kind);
        Assert.Equal(SupervisionOrderStatus.Open, order.Status);
        Assert.Equal(reported.Id, order.CaseId);
        Assert.Equal("test-node", order.SupervisorNodeId);
        Assert.Equal(breached.SupervisionDueAt, order.DueAt);
    }

    [Fact]
    public async Task SupervisionDeadlinePassed_AtADistrict_RecordsTheBreachWithoutEscalating()
    {
        var reported = await AssignedAsync("a-1");
        using var watch = (await As("dispatcher")).WatchCases(new WatchCasesRequest());

        Node.Clock.Jump(TimeSpan.FromHours(24));
        await UntilAsync(watch, n => n.CaseId == reported.Id && n.Event.Type == "CaseSupervised");
        Node.Clock.Jump(TimeSpan.FromHours(24));
        await UntilAsync(watch, n => n.CaseId == reported.Id && n.Event.Type == "CaseSupervisionBreached");

        var read = await ReadAsync(reported.Id);
        Assert.True(read.SupervisionBreached);
        Assert.Equal(CaseStatus.Assigned, read.Status);
        var order = Assert.Single((await (await Node.SupervisionAsAsync("supervisor")).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest())).Orders);
        Assert.Equal(SupervisionOrderStatus.Breached, order.Status);
    }

    [Fact]
    public async Task Deferred_ClockPauses_ResumeMovesTheDeadline_ThenItFiresAtTheNewTime()
    {
        var start = Node.Clock.GetUtcNow();
        var accepted = await AcceptedAsync("a-1");
        Node.Clock.Jump(TimeSpan.FromHours(1));
        var deferred = (await (await As("dispatcher")).DeferCaseAsync(new DeferCaseRequest
        {
            CaseId = accepted.Id, ExpectedVersion = accepted.Version, Until = In(TimeSpan.FromDays(3), Node.Clock.GetUtcNow()), Reason = "Waiting for parts",
        })).Case;
        using var watch = (await As("dispatcher")).WatchCases(new WatchCasesRequest());

        // Past the original reminder (18 h) and deadline (24 h), with a sentinel due after both.
        Node.Clock.Jump(TimeSpan.FromHours(23));
        var sentinel = (await (await As("worker1")).ReportCaseAsync(WithWhistle(NewReport("sentinel"), WhistleClass.Emergency))).Case;
        Node.Clock.Jump(TimeSpan.FromHours(2));
        await UntilAsync(watch, n => n.CaseId == sentinel.Id && n.Event.Type == "CaseMarkedOverdue");
        var paused = await ReadAsync(deferred.Id);
        Assert.DoesNotContain(paused.History, e => e.Type is "CaseReminded" or "CaseMarkedOverdue");

        // Paused from 1 h to 26 h: everything moves that much later.
        var resumed = (await (await As("dispatcher")).ResumeCaseAsync(new ResumeCaseRequest { CaseId = paused.Id, ExpectedVersion = paused.Version })).Case;
        var history = (await ReadAsync(resumed.Id)).History;
        var pausedFor = history.Last(e => e.Type == "CaseResumed").At.ToDateTimeOffset() - history.Last(e => e.Type == "CaseDeferred").At.ToDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(25), pausedFor);
        Assert.Equal(start.AddHours(24) + pausedFor, resumed.DueAt.ToDateTimeOffset());
        Assert.Equal(start.AddHours(18) + pausedFor, resumed.RemindAt.ToDateTimeOffset());

        Node.Clock.Jump(start.AddHours(18) + pausedFor - Node.Clock.GetUtcNow());
        var notice = (await UntilAsync(watch, n => n.CaseId == resumed.Id && n.Event.Type == "CaseReminded"))[^1];
        Assert.Equal(resumed.RemindAt.ToDateTimeOffset(), notice.Event.At.ToDateTimeOffset());
        Assert.False((await ReadAsync(resumed.Id)).Overdue);
    }

    [Fact]
    public async Task ClosedBeforeTheDeadline_NothingFires()
    {
        var closed = await ClosedAsync("a-1");
        using var watch = (await As("dispatcher")).WatchCases(new WatchCasesRequest());
        Node.Clock.Jump(TimeSpan.FromHours(23));
        var sentinel = (await (await As("worker1")).ReportCaseAsync(WithWhistle(NewReport("sentinel"), WhistleClass.Emergency))).Case;

        Node.Clock.Jump(TimeSpan.FromHours(3));
        await UntilAsync(watch, n => n.CaseId == sentinel.Id && n.Event.Type == "CaseMarkedOverdue");

        var read = await ReadAsync(closed.Id);
        Assert.False(read.Overdue);
        Assert.Equal(closed.Version, read.Version);
        Assert.Empty((await (await Node.SupervisionAsAsync("supervisor")).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { CaseId = closed.Id })).Orders);
    }

    [Fact]
    public async Task ClosedAfterTheBreach_ClosesItsSupervisionOrder()
    {
        var resolved = await ResolvedAsync("a-1");
        using var watch = (await As("dispatcher")).WatchCases(new WatchCasesRequest());
        Node.Clock.Jump(TimeSpan.FromHours(25));
        await UntilAsync(watch, n => n.CaseId == resolved.Id && n.Event.Type == "CaseSupervised");
        var current = await ReadAsync(resolved.Id);

        await (await As("worker1")).VerifyCaseAsync(new VerifyCaseRequest { CaseId = current.Id, ExpectedVersion = current.Version, Passed = true });

        var order = Assert.Single((await (await Node.SupervisionAsAsync("supervisor")).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest())).Orders);
        Assert.Equal(SupervisionOrderStatus.Closed, order.Status);
        Assert.True((await ReadAsync(current.Id)).Overdue);
    }

    [Fact]
    public async Task DeadlinesThatFellDueWhileTheNodeWasDown_FireOnceAtStart()
    {
        var cases = new List<Case>();
        for (var i = 0; i < 40; i++)
        {
            cases.Add(await ReportedAsync($"down-{i}"));
        }

        await Node.StopAsync();
        Node.Clock.Jump(TimeSpan.FromHours(30));
        var restartedAt = Node.Clock.GetUtcNow();
        await Node.RestartAsync();
        ForgetSignIns();

        // Nothing starts a sweep but the node itself: its start-up sweep, a Hangfire job.
        using (var watch = (await As("dispatcher")).WatchCases(new WatchCasesRequest()))
        {
            var seen = new HashSet<string>();
            var notices = await watch.ResponseStream.ReadUntilAsync(n => n.Event.Type == "CaseSupervised" && seen.Add(n.CaseId) && seen.Count == cases.Count);
            Assert.All(notices.Where(n => n.Event.Type == "CaseMarkedOverdue"), n => Assert.Equal(restartedAt, n.Event.At.ToDateTimeOffset()));
        }

        // A second start finds nothing more to do: its first sweep fires nothing.
        await Node.StopAsync();
        await Node.RestartAsync();
        ForgetSignIns();
        var scheduler = Node.Services.GetRequiredService<AlarmScheduler>();
        await EventuallyAsync(() => scheduler.Sweeps > 0);
        foreach (var c in cases)
        {
            var read = await ReadAsync(c.Id);
            Assert.Single(read.History, e => e.Type == "CaseMarkedOverdue");
            Assert.Single(read.History, e => e.Type == "CaseSupervised");
            Assert.DoesNotContain(read.History, e => e.Type == "CaseReminded");
        }

        Assert.Equal(cases.Count, (await (await Node.SupervisionAsAsync("supervisor")).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { PageSize = 200 })).Orders.Count);
    }

    [Fact]
    public async Task TriggerStartedBeforeItsInstant_WaitsOnTheNodesClock_FiresAtTheInstantExactly()
    {
        var reported = (await (await As("worker1")).ReportCaseAsync(WithWhistle(NewReport("early"), WhistleClass.Emergency))).Case;
        var remindAt = reported.RemindAt.ToDateTimeOffset();
        using var watch = (await As("dispatcher")).WatchCases(new WatchCasesRequest());
        Node.Clock.Jump(remindAt - TimeSpan.FromMilliseconds(800) - Node.Clock.GetUtcNow());

        // Hangfire keeps whole seconds and starts a trigger up to a second early: here it runs 800 ms before its instant.
        Node.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<DeadlineSweepJob>(job => job.SweepAtAsync(remindAt, CancellationToken.None));
        await EventuallyAsync(() => Node.Clock.HasTimerDueAt(remindAt));
        Node.Clock.Advance(TimeSpan.FromMilliseconds(799));
        Assert.False((await ReadAsync(reported.Id)).Reminded);

        Node.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var notice = (await watch.ResponseStream.ReadUntilAsync(n => n.CaseId == reported.Id && n.Event.Type == "CaseReminded"))[^1];
        Assert.Equal(remindAt, notice.Event.At.ToDateTimeOffset());
        Assert.False((await ReadAsync(reported.Id)).Overdue);
    }

    [Fact]
    public async Task DeadlineSeconds_Away_HangfireRunsTheTrigger_ReminderThenBreachAtTheirInstants()
    {
        await Node.StopAsync();
        await Node.RestartAsync(new Dictionary<string, string?> { ["Deadlines:Emergency"] = "00:00:01.600" });
        ForgetSignIns();
        var reported = (await (await As("worker1")).ReportCaseAsync(WithWhistle(NewReport("soon"), WhistleClass.Emergency))).Case;
        var remindAt = reported.RemindAt.ToDateTimeOffset();
        var dueAt = reported.DueAt.ToDateTimeOffset();
        using var watch = (await As("dispatcher")).WatchCases(new WatchCasesRequest());

        // Hangfire starts the trigger on the machine's clock, within about a second; it waits on the node's for the instant.
        await EventuallyAsync(() => Node.Clock.HasTimerDueAt(remindAt));
        Node.Clock.Advance(remindAt - Node.Clock.GetUtcNow());
        var reminded = (await watch.ResponseStream.ReadUntilAsync(n => n.CaseId == reported.Id && n.Event.Type == "CaseReminded"))[^1];
        Assert.Equal(remindAt, reminded.Event.At.ToDateTimeOffset());

        // The deadline is 400 ms later, within the sweep horizon: the same run waits for it.
        await EventuallyAsync(() => Node.Clock.HasTimerDueAt(dueAt));
        Node.Clock.Advance(dueAt - Node.Clock.GetUtcNow());
        var breached = (await watch.ResponseStream.ReadUntilAsync(n => n.CaseId == reported.Id && n.Event.Type == "CaseMarkedOverdue"))[^1];
        Assert.Equal(dueAt, breached.Event.At.ToDateTimeOffset());
    }

    [Fact]
    public async Task PolicyChanged_RunningCasesRescheduled_ClosedAndDeferredLeftAlone_AndItFiresAtTheNewTime()
    {
        var start = Node.Clock.GetUtcNow();
        var running = await AssignedAsync("p-1");
        var closed = await ClosedAsync("p-2");
        var accepted = await AcceptedAsync("p-3");
        var deferred = (await (await As("dispatcher")).DeferCaseAsync(new DeferCaseRequest
        {
            CaseId = accepted.Id, ExpectedVersion = accepted.Version, Until = In(TimeSpan.FromDays(2), start), Reason = "Waiting for parts",
        })).Case;

        await Node.StopAsync();
        await Node.RestartAsync(new Dictionary<string, string?> { ["Deadlines:Daily"] = "12:00:00" });
        ForgetSignIns();
        await Node.Services.GetRequiredService<AlarmScheduler>().PolicyRolledOut;

        var rescheduled = await ReadAsync(running.Id);
        Assert.Equal(start.AddHours(12), rescheduled.DueAt.ToDateTimeOffset());
        Assert.Equal(start.AddHours(9), rescheduled.RemindAt.ToDateTimeOffset());
        Assert.Equal("The node's deadline policy changed.", rescheduled.History[^1].Note);
        Assert.Equal(closed.Version, (await ReadAsync(closed.Id)).Version);
        Assert.Equal(deferred.Version, (await ReadAsync(deferred.Id)).Version);

        using var watch = (await As("dispatcher")).WatchCases(new WatchCasesRequest());
        Node.Clock.Jump(TimeSpan.FromHours(12));
        await UntilAsync(watch, n => n.CaseId == running.Id && n.Event.Type == "CaseSupervised");

        // The same settings again: nothing more to roll out.
        await Node.StopAsync();
        await Node.RestartAsync();
        ForgetSignIns();
        await Node.Services.GetRequiredService<AlarmScheduler>().PolicyRolledOut;
        Assert.DoesNotContain((await ReadAsync(running.Id)).History.Skip(rescheduled.History.Count), e => e.Type == "CaseRescheduled");
    }

    [Fact]
    public async Task Reopened_RunsOnItsDeadlineAgain_AndBreachesOnce()
    {
        var closed = await ClosedAsync("a-1");
        Node.Clock.Jump(TimeSpan.FromHours(1));
        var reopened = (await (await As("dispatcher")).ReopenCaseAsync(new ReopenCaseRequest { CaseId = closed.Id, ExpectedVersion = closed.Version, Reason = "Bins overflowing again." })).Case;
        using var watch = (await As("dispatcher")).WatchCases(new WatchCasesRequest());

        Node.Clock.Jump(TimeSpan.FromHours(24));
        await UntilAsync(watch, n => n.CaseId == reopened.Id && n.Event.Type == "CaseSupervised");

        Assert.Single((await ReadAsync(reopened.Id)).History, e => e.Type == "CaseMarkedOverdue");
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var giveUp = DateTime.UtcNow + WatchStream.Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, "Gave up waiting.");
            await Task.Delay(10);
        }
    }
}

public sealed class DeadlineSqliteTests() : DeadlineTests(StorageKind.Sqlite);

public sealed class DeadlinePostgresTests() : DeadlineTests(StorageKind.Postgres);
