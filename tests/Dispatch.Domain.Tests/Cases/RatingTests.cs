using Dispatch.Domain.Cases;
using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

public sealed class RatingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Rate_ClosedCaseByReporter_StoresSatisfaction(int satisfaction)
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Closed);

        target.Rate(Actors.Reporter, Moments.Hours(1), satisfaction, "Quick work");

        Assert.Equal(satisfaction, target.Satisfaction);
        var rated = target.History[^1];
        Assert.Equal(CaseEventType.CaseRated, rated.Type);
        Assert.Equal(satisfaction, rated.Satisfaction);
        Assert.Equal(CaseStatus.Closed, rated.FromStatus);
        Assert.Equal(CaseStatus.Closed, rated.ToStatus);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Rate_OutsideOneToFive_BreaksSatisfactionMustBeOneToFive(int satisfaction)
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Closed);

        var error = DomainAssert.RejectsInput(target, "satisfaction", () => target.Rate(Actors.Reporter, Moments.Hours(1), satisfaction));

        Assert.Equal(nameof(SatisfactionMustBeOneToFive), error.Rule);
    }

    [Fact]
    public void Rate_BySomeoneOtherThanTheReporter_BreaksOnlyReporterCanRate()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Closed);

        DomainAssert.BreaksRule(target, nameof(OnlyReporterCanRate), () => target.Rate(Actors.Dispatcher, Moments.Hours(1), 5));
    }

    [Theory]
    [InlineData(CaseStatus.Reported)]
    [InlineData(CaseStatus.Resolved)]
    [InlineData(CaseStatus.Rejected)]
    [InlineData(CaseStatus.Escalated)]
    public void Rate_CaseThatIsNotClosed_BreaksOnlyClosedCaseCanBeRated(CaseStatus status)
    {
        var target = new CaseBuilder().BuildIn(status);

        DomainAssert.BreaksRule(target, nameof(OnlyClosedCaseCanBeRated), () => target.Rate(Actors.Reporter, Moments.Hours(1), 4));
    }

    [Fact]
    public void Rate_InvalidValueOnOpenCase_ReportsTheBadInputFirst()
    {
        var target = new CaseBuilder().Build();

        DomainAssert.RejectsInput(target, "satisfaction", () => target.Rate(Actors.Reporter, Moments.Hours(1), 9));
    }

    [Fact]
    public void Rate_Twice_BreaksSatisfactionCanBeGivenOnlyOnce()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Closed);
        target.Rate(Actors.Reporter, Moments.Hours(1), 2);

        DomainAssert.BreaksRule(target, nameof(SatisfactionCanBeGivenOnlyOnce), () => target.Rate(Actors.Reporter, Moments.Hours(2), 5));
        Assert.Equal(2, target.Satisfaction);
    }

    [Fact]
    public void Rate_AfterReopenAndSecondClosure_IsAllowedAgain()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Closed);
        target.Rate(Actors.Reporter, Moments.Hours(1), 1);
        target.Reopen(Actors.Dispatcher, Moments.Hours(2), "Bin overflowing again");
        target.Assign(Actors.Dispatcher, Moments.Hours(3), Assignee.Worker(Actors.OtherWorker));
        target.Start(Actors.OtherWorker, Moments.Hours(4));
        target.Resolve(Actors.OtherWorker, Moments.Hours(5), "Emptied");
        target.Verify(Actors.Reporter, Moments.Hours(6), passed: true);

        target.Rate(Actors.Reporter, Moments.Hours(7), 4);

        Assert.Equal(4, target.Satisfaction);
        Assert.Equal([1, 4], target.History.Where(e => e.Type == CaseEventType.CaseRated).Select(e => e.Satisfaction!.Value));
    }
}
