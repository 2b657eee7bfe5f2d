using Dispatch.Domain.Cases;
using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

public sealed class DeadlineTests
{
    [Fact]
    public void Reschedule_OpenCase_SetsDeadlineAsPlatformEvent()
    {
        var target = new CaseBuilder().Build();

        target.Reschedule(Moments.Minutes(1), Moments.Hours(24));

        Assert.Equal(Moments.Hours(24), target.DueAt);
        var rescheduled = target.History[^1];
        Assert.Equal(CaseEventType.CaseRescheduled, rescheduled.Type);
        Assert.Null(rescheduled.ActorId);
        Assert.Equal(CaseStatus.Reported, rescheduled.FromStatus);
        Assert.Equal(CaseStatus.Reported, rescheduled.ToStatus);
        Assert.Equal(Moments.Hours(24), rescheduled.DueAt);
    }

    [Fact]
    public void Reschedule_Null_ClearsTheDeadline()
    {
        var target = new CaseBuilder().DueAt(Moments.Hours(24)).Build();

        target.Reschedule(Moments.Minutes(1), null);

        Assert.Null(target.DueAt);
        Assert.Equal(2, target.Version);
    }

    [Fact]
    public void Reschedule_DeadlineBeforeTheReport_IsRejectedAndNothingChanges()
    {
        var target = new CaseBuilder().DueAt(Moments.Hours(24)).Build();

        DomainAssert.RejectsInput(target, "dueAt", () => target.Reschedule(Moments.Minutes(1), Moments.Hours(-2)));
    }

    [Theory]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Rejected)]
    [InlineData(CaseStatus.Escalated)]
    [InlineData(CaseStatus.Merged)]
    public void Reschedule_CaseThatIsNotOpen_BreaksOnlyOpenCaseCanBeRescheduled(CaseStatus status)
    {
        var target = new CaseBuilder().BuildIn(status);

        DomainAssert.BreaksRule(target, nameof(OnlyOpenCaseCanBeRescheduled), () => target.Reschedule(Moments.Hours(1), Moments.Hours(24)));
    }

    [Fact]
    public void Reschedule_DeferredCase_BreaksDeferredCaseCannotBeRescheduled()
    {
        var target = new CaseBuilder().BuildDeferredFrom(CaseStatus.Accepted);

        DomainAssert.BreaksRule(target, nameof(DeferredCaseCannotBeRescheduled), () => target.Reschedule(Moments.Hours(1), Moments.Hours(24)));
    }

    [Fact]
    public void MarkOverdue_AfterTheDeadline_FlagsTheCaseOnce()
    {
        var target = new CaseBuilder().DueAt(Moments.Hours(24)).BuildIn(CaseStatus.InProgress);

        Assert.True(target.MarkOverdue(Moments.Hours(24)));
        var version = target.Version;
        Assert.False(target.MarkOverdue(Moments.Hours(25)));

        Assert.True(target.Overdue);
        Assert.Equal(version, target.Version);
        Assert.Single(target.History, e => e.Type == CaseEventType.CaseMarkedOverdue);
        Assert.Null(target.History[^1].ActorId);
    }

    [Fact]
    public void MarkOverdue_BeforeTheDeadline_BreaksDeadlineMustHavePassed()
    {
        var target = new CaseBuilder().DueAt(Moments.Hours(24)).Build();

        DomainAssert.BreaksRule(target, nameof(DeadlineMustHavePassed), () => target.MarkOverdue(Moments.Hours(23)));
    }

    [Fact]
    public void MarkOverdue_WithoutDeadline_BreaksDeadlineMustHavePassed()
    {
        var target = new CaseBuilder().Build();

        DomainAssert.BreaksRule(target, nameof(DeadlineMustHavePassed), () => target.MarkOverdue(Moments.Hours(23)));
    }

    [Fact]
    public void MarkOverdue_ClosedCase_BreaksOnlyOpenCaseCanBecomeOverdue()
    {
        var target = new CaseBuilder().DueAt(Moments.Hours(24)).BuildIn(CaseStatus.Closed);

        DomainAssert.BreaksRule(target, nameof(OnlyOpenCaseCanBecomeOverdue), () => target.MarkOverdue(Moments.Hours(25)));
    }

    [Fact]
    public void MarkOverdue_DeferredCase_BreaksDeferredCaseCannotBecomeOverdue()
    {
        var target = new CaseBuilder().DueAt(Moments.Hours(24)).BuildDeferredFrom(CaseStatus.Accepted);

        DomainAssert.BreaksRule(target, nameof(DeferredCaseCannotBecomeOverdue), () => target.MarkOverdue(Moments.Hours(25)));
    }
}
