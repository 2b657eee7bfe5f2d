using Dispatch.Domain.Cases;
using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Common.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

public sealed class DeferResumeTests
{
    [Fact]
    public void Defer_InProgressCase_PausesTheClock()
    {
        var target = new CaseBuilder().DueAt(Moments.Hours(24)).BuildIn(CaseStatus.InProgress);

        target.Defer(Actors.Dispatcher, Moments.Hours(2), Moments.Hours(50), "Waiting for the power company");

        Assert.Equal(CaseStatus.Deferred, target.Status);
        Assert.Equal(CaseStatus.InProgress, target.StatusBeforeDeferral);
        Assert.Equal(Moments.Hours(2), target.PausedAt);
        Assert.Equal(Moments.Hours(50), target.DeferredUntil);
        Assert.Equal(Moments.Hours(24), target.DueAt);
        Assert.Equal("Waiting for the power company", target.History[^1].Note);
    }

    [Fact]
    public void Resume_AfterThreeHours_MovesDueAtThreeHoursLater()
    {
        var target = new CaseBuilder().DueAt(Moments.Hours(24)).BuildIn(CaseStatus.InProgress);
        target.Defer(Actors.Dispatcher, Moments.Hours(2), Moments.Hours(50), "Waiting for parts");

        target.Resume(Actors.Dispatcher, Moments.Hours(5));

        Assert.Equal(CaseStatus.InProgress, target.Status);
        Assert.Equal(Moments.Hours(27), target.DueAt);
        Assert.Equal(TimeSpan.FromHours(3), target.PausedTotal);
        Assert.Null(target.PausedAt);
        Assert.Null(target.DeferredUntil);
        Assert.Null(target.StatusBeforeDeferral);
        var resumed = target.History[^1];
        Assert.Equal(CaseEventType.CaseResumed, resumed.Type);
        Assert.Equal(Moments.Hours(27), resumed.DueAt);
    }

    [Fact]
    public void Resume_AfterPlannedDate_CountsThePauseUntilActualResume()
    {
        var target = new CaseBuilder().DueAt(Moments.Hours(24)).BuildIn(CaseStatus.Accepted);
        target.Defer(Actors.Dispatcher, Moments.Hours(1), Moments.Hours(2), "Waiting");

        target.Resume(Actors.Dispatcher, Moments.Hours(11));

        Assert.Equal(Moments.Hours(34), target.DueAt);
    }

    [Fact]
    public void Resume_TwoDeferrals_AccumulatesPausedTime()
    {
        var target = new CaseBuilder().DueAt(Moments.Hours(24)).BuildIn(CaseStatus.Assigned);
        target.Defer(Actors.Dispatcher, Moments.Hours(1), Moments.Hours(48), "First");
        target.Resume(Actors.Dispatcher, Moments.Hours(2));
        target.Defer(Actors.Dispatcher, Moments.Hours(3), Moments.Hours(48), "Second");

        target.Resume(Actors.Dispatcher, Moments.Hours(5.5));

        Assert.Equal(TimeSpan.FromHours(3.5), target.PausedTotal);
        Assert.Equal(Moments.Hours(27.5), target.DueAt);
    }

    [Fact]
    public void Resume_WithoutDeadline_KeepsNoDeadlineButCountsThePause()
    {
        var target = new CaseBuilder().BuildDeferredFrom(CaseStatus.Accepted);

        target.Resume(Actors.Dispatcher, Moments.Minutes(90));

        Assert.Null(target.DueAt);
        Assert.Equal(TimeSpan.FromHours(1), target.PausedTotal);
    }

    [Fact]
    public void Resume_ClockEarlierThanThePause_NeverMovesTheDeadlineEarlier()
    {
        var target = new CaseBuilder().DueAt(Moments.Hours(24)).BuildDeferredFrom(CaseStatus.Accepted);

        target.Resume(Actors.Dispatcher, Moments.Minutes(29));

        Assert.Equal(Moments.Hours(24), target.DueAt);
        Assert.Equal(TimeSpan.Zero, target.PausedTotal);
    }

    [Theory]
    [InlineData(CaseStatus.Accepted)]
    [InlineData(CaseStatus.Assigned)]
    [InlineData(CaseStatus.InProgress)]
    [InlineData(CaseStatus.Returned)]
    public void Resume_DeferredCase_ReturnsToTheStatusItWasDeferredFrom(CaseStatus before)
    {
        var target = new CaseBuilder().BuildDeferredFrom(before);

        target.Resume(Actors.Dispatcher, Moments.Hours(1));

        Assert.Equal(before, target.Status);
        Assert.Equal(CaseStatus.Deferred, target.History[^1].FromStatus);
    }

    [Fact]
    public void Defer_UntilNotInTheFuture_IsRejectedAndNothingChanges()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Accepted);

        var error = DomainAssert.RejectsInput(target, "until", () => target.Defer(Actors.Dispatcher, Moments.Hours(2), Moments.Hours(2), "Waiting"));

        Assert.Equal(nameof(DeferralMustEndInTheFuture), error.Rule);
    }

    [Fact]
    public void Defer_WithoutReason_IsRejectedAndNothingChanges()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Accepted);

        var error = DomainAssert.RejectsInput(target, "reason", () => target.Defer(Actors.Dispatcher, Moments.Hours(2), Moments.Hours(3), ""));

        Assert.Equal(nameof(TextIsRequired), error.Rule);
    }

    [Fact]
    public void MarkEscalated_DeferredCase_EndsThePauseAndMovesTheDeadline()
    {
        var target = new CaseBuilder().DueAt(Moments.Hours(24)).BuildDeferredFrom(CaseStatus.Assigned);

        target.MarkEscalated(Actors.Dispatcher, Moments.Hours(4.5), "The town must decide");

        Assert.Equal(CaseStatus.Escalated, target.Status);
        Assert.Equal(Moments.Hours(28), target.DueAt);
        Assert.Null(target.PausedAt);
        Assert.Null(target.StatusBeforeDeferral);
    }

    [Fact]
    public void Resume_CaseThatIsNotDeferred_BreaksIllegalTransition()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.InProgress);

        DomainAssert.BreaksRule(target, nameof(IllegalTransition), () => target.Resume(Actors.Dispatcher, Moments.Hours(1)));
    }
}
