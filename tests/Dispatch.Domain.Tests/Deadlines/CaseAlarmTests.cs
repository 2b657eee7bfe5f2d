using Dispatch.Domain.Cases;
using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Deadlines;

/// <summary>The reminder, the breach and supervision, as the node's deadline job drives them.</summary>
public sealed class CaseAlarmTests
{
    private static CaseBuilder WithDeadline() =>
        new CaseBuilder().With(r => r with { DueAt = Moments.Hours(24), RemindAt = Moments.Hours(18) });

    [Fact]
    public void Report_WithDeadline_NextAlarmIsTheReminder()
    {
        var target = WithDeadline().Build();

        Assert.Equal(Moments.Hours(18), target.RemindAt);
        Assert.Equal(Moments.Hours(18), target.NextAlarmAt);
    }

    [Fact]
    public void Report_WithoutDeadline_HasNoAlarm()
    {
        var target = new CaseBuilder().Build();

        Assert.Null(target.NextAlarmAt);
        Assert.Equal(DeadlineOutcome.None, target.FireDueAlarms(Moments.Hours(100)));
        Assert.Equal(1, target.Version);
    }

    [Fact]
    public void FireDueAlarms_BeforeTheReminder_DoesNothing()
    {
        var target = WithDeadline().Build();

        Assert.Equal(DeadlineOutcome.None, target.FireDueAlarms(Moments.Hours(17.9)));
        Assert.Equal(1, target.Version);
    }

    [Fact]
    public void FireDueAlarms_AtTheReminder_RemindsOnceAndNextAlarmIsTheDeadline()
    {
        var target = WithDeadline().Build();

        Assert.Equal(DeadlineOutcome.Reminded, target.FireDueAlarms(Moments.Hours(18)));
        Assert.Equal(DeadlineOutcome.None, target.FireDueAlarms(Moments.Hours(19)));

        Assert.True(target.Reminded);
        Assert.Equal(Moments.Hours(24), target.NextAlarmAt);
        Assert.Single(target.History, e => e.Type == CaseEventType.CaseReminded);
        DomainAssert.HasConsistentHistory(target);
    }

    [Fact]
    public void FireDueAlarms_AtTheDeadline_MarksOverdueOnceAndHasNothingPending()
    {
        var target = WithDeadline().BuildIn(CaseStatus.InProgress);
        target.FireDueAlarms(Moments.Hours(18));

        Assert.Equal(DeadlineOutcome.Breached, target.FireDueAlarms(Moments.Hours(24)));
        Assert.Equal(DeadlineOutcome.None, target.FireDueAlarms(Moments.Hours(25)));

        Assert.True(target.Overdue);
        Assert.Null(target.NextAlarmAt);
        Assert.Single(target.History, e => e.Type == CaseEventType.CaseMarkedOverdue);
    }

    [Fact]
    public void FireDueAlarms_ReminderAndDeadlineBothPassed_BreachesWithoutALateReminder()
    {
        var target = WithDeadline().Build();

        Assert.Equal(DeadlineOutcome.Breached, target.FireDueAlarms(Moments.Hours(30)));

        Assert.DoesNotContain(target.History, e => e.Type == CaseEventType.CaseReminded);
        Assert.Null(target.NextAlarmAt);
    }

    [Theory]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Escalated)]
    [InlineData(CaseStatus.Rejected)]
    public void FireDueAlarms_CaseNotRunning_DoesNothing(CaseStatus status)
    {
        var target = WithDeadline().BuildIn(status);
        var version = target.Version;

        Assert.Equal(DeadlineOutcome.None, target.FireDueAlarms(Moments.Hours(48)));
        Assert.Null(target.NextAlarmAt);
        Assert.Equal(version, target.Version);
    }

    [Fact]
    public void Defer_PausesTheAlarms_ResumeMovesThemByThePausedTime()
    {
        var target = WithDeadline().BuildIn(CaseStatus.Accepted);
        target.Defer(Actors.Dispatcher, Moments.Hours(2), Moments.Hours(50), "Waiting for parts");

        Assert.Null(target.NextAlarmAt);
        Assert.Equal(DeadlineOutcome.None, target.FireDueAlarms(Moments.Hours(30)));

        target.Resume(Actors.Dispatcher, Moments.Hours(12));

        Assert.Equal(Moments.Hours(34), target.DueAt);
        Assert.Equal(Moments.Hours(28), target.RemindAt);
        Assert.Equal(Moments.Hours(28), target.NextAlarmAt);
    }

    [Fact]
    public void Reschedule_LaterDeadline_MovesTheAlarmAndRemindsAgain()
    {
        var target = WithDeadline().Build();
        target.FireDueAlarms(Moments.Hours(18));

        target.Reschedule(Moments.Hours(19), Moments.Hours(48), Moments.Hours(40), "Policy changed");

        Assert.False(target.Reminded);
        Assert.Equal(Moments.Hours(40), target.NextAlarmAt);
        Assert.Equal("Policy changed", target.History[^1].Note);
    }

    [Fact]
    public void Reschedule_ReminderAfterTheDeadline_IsRejectedAndNothingChanges()
    {
        var target = WithDeadline().Build();

        DomainAssert.RejectsInput(target, "remindAt", () => target.Reschedule(Moments.Hours(1), Moments.Hours(24), Moments.Hours(25)));
    }

    [Fact]
    public void Close_ClearsTheAlarm()
    {
        var target = WithDeadline().BuildIn(CaseStatus.Closed);

        Assert.Null(target.NextAlarmAt);
    }

    [Fact]
    public void OpenSupervision_AfterBreach_AlarmsAtTheSupervisionDeadlineOnce()
    {
        var target = WithDeadline().BuildIn(CaseStatus.InProgress);
        target.FireDueAlarms(Moments.Hours(24));

        target.OpenSupervision(Moments.Hours(24), Moments.Hours(48), "town-1", "Deadline missed");

        Assert.Equal(Moments.Hours(48), target.NextAlarmAt);
        Assert.Equal(CaseEventType.CaseSupervised, target.History[^1].Type);
        Assert.Equal(DeadlineOutcome.SupervisionBreached, target.FireDueAlarms(Moments.Hours(48)));
        Assert.Equal(DeadlineOutcome.None, target.FireDueAlarms(Moments.Hours(49)));
        Assert.True(target.SupervisionBreached);
        Assert.Null(target.NextAlarmAt);
        DomainAssert.HasConsistentHistory(target);
    }

    [Fact]
    public void OpenSupervision_DeadlineNotAfterNow_IsRejectedAndNothingChanges()
    {
        var target = WithDeadline().BuildIn(CaseStatus.InProgress);

        DomainAssert.RejectsInput(target, "supervisionDueAt", () => target.OpenSupervision(Moments.Hours(24), Moments.Hours(24), "town-1", "Deadline missed"));
    }

    [Fact]
    public void OpenSupervision_ClosedCase_BreaksOnlyRunningCaseCanBeSupervised()
    {
        var target = WithDeadline().BuildIn(CaseStatus.Closed);

        DomainAssert.BreaksRule(target, nameof(OnlyRunningCaseCanBeSupervised), () => target.OpenSupervision(Moments.Hours(24), Moments.Hours(48), "town-1", "Deadline missed"));
    }

    [Fact]
    public void RecordDeadlineEvent_Summons_IsAppendedWithoutStateChange()
    {
        var target = WithDeadline().BuildIn(CaseStatus.Assigned);

        target.RecordDeadlineEvent(CaseEventType.CaseSummoned, Actors.Dispatcher, Moments.Hours(1), "Summoned: sanitation, police");

        Assert.Equal(CaseEventType.CaseSummoned, target.History[^1].Type);
        Assert.Equal(CaseStatus.Assigned, target.Status);
    }

    [Fact]
    public void RecordDeadlineEvent_OtherType_IsRefused()
    {
        var target = WithDeadline().Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => target.RecordDeadlineEvent(CaseEventType.CaseVerified, Actors.Dispatcher, Moments.Hours(1), "x"));
    }
}

