using Dispatch.Domain.Cases;
using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

public sealed class EscalationTests
{
    [Theory]
    [InlineData(CaseStatus.Reported)]
    [InlineData(CaseStatus.Accepted)]
    [InlineData(CaseStatus.Assigned)]
    [InlineData(CaseStatus.InProgress)]
    [InlineData(CaseStatus.Resolved)]
    [InlineData(CaseStatus.Returned)]
    [InlineData(CaseStatus.Deferred)]
    public void MarkEscalated_OpenCase_HandsItToTheParent(CaseStatus status)
    {
        var target = new CaseBuilder().BuildIn(status);

        target.MarkEscalated(Actors.Dispatcher, Moments.Hours(1), "Needs several departments of the town");

        Assert.Equal(CaseStatus.Escalated, target.Status);
        Assert.False(target.IsOpen);
        var escalated = target.History[^1];
        Assert.Equal(CaseEventType.CaseEscalated, escalated.Type);
        Assert.Equal(status, escalated.FromStatus);
        Assert.Equal("Needs several departments of the town", escalated.Note);
    }

    [Fact]
    public void MarkEscalated_WithoutReason_IsRejectedAndNothingChanges()
    {
        var target = new CaseBuilder().Build();

        DomainAssert.RejectsInput(target, "reason", () => target.MarkEscalated(Actors.Dispatcher, Moments.Hours(1), " "));
    }

    [Theory]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Rejected)]
    [InlineData(CaseStatus.Merged)]
    [InlineData(CaseStatus.Escalated)]
    public void MarkEscalated_CaseThatIsNotOpen_BreaksIllegalTransition(CaseStatus status)
    {
        var target = new CaseBuilder().BuildIn(status);

        DomainAssert.BreaksRule(target, nameof(IllegalTransition), () => target.MarkEscalated(Actors.Dispatcher, Moments.Hours(1), "Too late"));
    }
}
