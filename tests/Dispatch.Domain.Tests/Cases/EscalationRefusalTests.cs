using Dispatch.Domain.Cases;
using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

/// <summary>The child's side of an escalation the parent refused for good: the case comes back to its dispatcher.</summary>
public sealed class EscalationRefusalTests
{
    private const string Refusal = "InvalidArgument: category_code: 0102 is not in the catalogue";

    [Fact]
    public void RefuseEscalation_EscalationAwaitingTheParent_BackInTheDispatchersQueueWithTheRefusal()
    {
        var target = new CaseBuilder().BuildEscalatedAwaitingParent();
        var version = target.Version;

        target.RefuseEscalation(Moments.Minutes(3), Nodes.Town, Refusal);

        Assert.Equal(CaseStatus.Accepted, target.Status);
        Assert.True(target.IsOpen);
        Assert.Null(target.EscalatedToNodeId);
        Assert.Null(target.ParentCaseId);
        Assert.Null(target.ParentStatus);
        Assert.Equal(version + 1, target.Version);
        var refused = target.History[^1];
        Assert.Equal(CaseEventType.CaseEscalationRefused, refused.Type);
        Assert.Null(refused.ActorId);
        Assert.Equal(CaseStatus.Escalated, refused.FromStatus);
        Assert.Equal(CaseStatus.Accepted, refused.ToStatus);
        Assert.Equal(Moments.Minutes(3), refused.At);
        Assert.Equal($"Escalation refused by {Nodes.Town}: {Refusal}", refused.Note);
        DomainAssert.HasConsistentHistory(target);
    }

    [Fact]
    public void RefuseEscalation_CaseWithADeadline_DeadlineRunsAgainUnmoved()
    {
        var target = new CaseBuilder().DueAt(Moments.Hours(24)).BuildEscalatedAwaitingParent();
        Assert.False(target.ClockRuns);
        Assert.Null(target.NextAlarmAt);

        target.RefuseEscalation(Moments.Hours(1), Nodes.Town, Refusal);

        Assert.True(target.ClockRuns);
        Assert.Equal(Moments.Hours(24), target.DueAt);
        Assert.Equal(Moments.Hours(24), target.NextAlarmAt);
    }

    [Fact]
    public void RefuseEscalation_DeadlinePassedWhileEscalated_BreachesAtTheNextAlarm()
    {
        var target = new CaseBuilder().DueAt(Moments.Hours(2)).BuildEscalatedAwaitingParent();

        target.RefuseEscalation(Moments.Hours(3), Nodes.Town, Refusal);

        Assert.Equal(Moments.Hours(2), target.NextAlarmAt);
        Assert.Equal(DeadlineOutcome.Breached, target.FireDueAlarms(Moments.Hours(3)));
        Assert.True(target.Overdue);
    }

    [Fact]
    public void RefuseEscalation_ByANodeTheCaseWasNotEscalatedTo_BreaksEscalationRefusalMustComeFromItsParent()
    {
        var target = new CaseBuilder().BuildEscalatedAwaitingParent();

        DomainAssert.BreaksRule(target, nameof(EscalationRefusalMustComeFromItsParent), () => target.RefuseEscalation(Moments.Minutes(3), "district", Refusal));
    }

    [Fact]
    public void RefuseEscalation_EscalationTheParentAcknowledged_BreaksAcknowledgedEscalationCannotBeRefused()
    {
        var target = new CaseBuilder().BuildEscalatedToParent();

        DomainAssert.BreaksRule(target, nameof(AcknowledgedEscalationCannotBeRefused), () => target.RefuseEscalation(Moments.Minutes(3), Nodes.Town, Refusal));
    }

    [Theory]
    [InlineData(CaseStatus.Accepted)]
    [InlineData(CaseStatus.Closed)]
    public void RefuseEscalation_CaseThatIsNotEscalated_BreaksIllegalTransition(CaseStatus status)
    {
        var target = new CaseBuilder().BuildIn(status);

        DomainAssert.BreaksRule(target, nameof(IllegalTransition), () => target.RefuseEscalation(Moments.Minutes(3), Nodes.Town, Refusal));
    }

    [Fact]
    public void RefuseEscalation_WithoutTheRefusal_IsRejectedAndNothingChanges()
    {
        var target = new CaseBuilder().BuildEscalatedAwaitingParent();

        DomainAssert.RejectsInput(target, "refusal", () => target.RefuseEscalation(Moments.Minutes(3), Nodes.Town, " "));
    }

    [Fact]
    public void RefuseEscalation_LongRefusalText_IsCutToTheNoteLimit()
    {
        var target = new CaseBuilder().BuildEscalatedAwaitingParent();

        target.RefuseEscalation(Moments.Minutes(3), Nodes.Town, new string('x', CaseLimits.NoteMaxLength));

        Assert.Equal(CaseLimits.NoteMaxLength, target.History[^1].Note!.Length);
        Assert.EndsWith("\u2026", target.History[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void EscalateTo_AfterARefusal_GoesUpAgain()
    {
        var target = new CaseBuilder().BuildEscalatedAwaitingParent();
        target.RefuseEscalation(Moments.Minutes(3), Nodes.Town, Refusal);

        target.EscalateTo(Actors.Dispatcher, Moments.Minutes(5), Nodes.Town, "Catalogue fixed at the town");

        Assert.Equal(CaseStatus.Escalated, target.Status);
        Assert.Equal(Nodes.Town, target.EscalatedToNodeId);
        DomainAssert.HasConsistentHistory(target);
    }
}
