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

    [Fact]
    public void EscalateTo_AcceptedCase_HandsItToTheParentNode()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Accepted);
        var version = target.Version;

        target.EscalateTo(Actors.Dispatcher, Moments.Hours(1), Nodes.Town, "Needs the town's housing department");

        Assert.Equal(CaseStatus.Escalated, target.Status);
        Assert.Equal(Nodes.Town, target.EscalatedToNodeId);
        Assert.Null(target.ParentCaseId);
        Assert.Null(target.ParentStatus);
        Assert.Null(target.Origin);
        Assert.False(target.IsOpen);
        Assert.Equal(version + 1, target.Version);
        var escalated = target.History[^1];
        Assert.Equal(CaseEventType.CaseEscalated, escalated.Type);
        Assert.Equal(Actors.Dispatcher, escalated.ActorId);
        Assert.Equal(CaseStatus.Accepted, escalated.FromStatus);
        Assert.Equal(CaseStatus.Escalated, escalated.ToStatus);
        Assert.Equal("Needs the town's housing department", escalated.Note);
        DomainAssert.HasConsistentHistory(target);
    }

    [Fact]
    public void EscalateTo_DeferredCase_EndsThePauseAndMovesTheDeadline()
    {
        var target = new CaseBuilder().DueAt(Moments.Hours(24)).BuildIn(CaseStatus.Accepted);
        target.Defer(Actors.Dispatcher, Moments.Hours(1), Moments.Hours(48), "Waiting for the owner");

        target.EscalateTo(Actors.Dispatcher, Moments.Hours(4), Nodes.Town, "The owner cannot be found");

        Assert.Equal(CaseStatus.Escalated, target.Status);
        Assert.Equal(Nodes.Town, target.EscalatedToNodeId);
        Assert.Null(target.PausedAt);
        Assert.Null(target.DeferredUntil);
        Assert.Null(target.StatusBeforeDeferral);
        Assert.Equal(TimeSpan.FromHours(3), target.PausedTotal);
        Assert.Equal(Moments.Hours(27), target.DueAt);
        Assert.Equal(CaseStatus.Deferred, target.History[^1].FromStatus);
        Assert.Equal(Moments.Hours(27), target.History[^1].DueAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void EscalateTo_WithoutParentNode_IsRejectedAndNothingChanges(string parentNodeId)
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Accepted);

        DomainAssert.RejectsInput(target, "parentNodeId", () => target.EscalateTo(Actors.Dispatcher, Moments.Hours(1), parentNodeId, "Needs the town"));
    }

    [Fact]
    public void EscalateTo_ParentNodeIdLongerThanAnOriginNodeId_IsRejectedAndNothingChanges()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Accepted);
        var parentNodeId = new string('t', CaseOrigin.NodeIdMaxLength + 1);

        DomainAssert.RejectsInput(target, "parentNodeId", () => target.EscalateTo(Actors.Dispatcher, Moments.Hours(1), parentNodeId, "Needs the town"));
    }

    [Fact]
    public void EscalateTo_WithoutReason_IsRejectedAndNothingChanges()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Accepted);

        DomainAssert.RejectsInput(target, "reason", () => target.EscalateTo(Actors.Dispatcher, Moments.Hours(1), Nodes.Town, " "));
    }

    [Theory]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Rejected)]
    [InlineData(CaseStatus.Escalated)]
    public void EscalateTo_CaseThatIsNotOpen_BreaksIllegalTransitionAndLeavesNoParentNode(CaseStatus status)
    {
        var target = new CaseBuilder().BuildIn(status);

        DomainAssert.BreaksRule(target, nameof(IllegalTransition), () => target.EscalateTo(Actors.Dispatcher, Moments.Hours(1), Nodes.Town, "Too late"));
        Assert.Null(target.EscalatedToNodeId);
    }

    [Fact]
    public void LinkParent_EscalatedCase_RecordsTheParentCase()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Accepted);
        target.EscalateTo(Actors.Dispatcher, Moments.Hours(1), Nodes.Town, "Needs the town");

        target.LinkParent(Nodes.TownCaseId);

        Assert.Equal(Nodes.TownCaseId, target.ParentCaseId);
        Assert.Equal(CaseStatus.Escalated, target.Status);
        Assert.Equal(Nodes.Town, target.EscalatedToNodeId);
        DomainAssert.HasConsistentHistory(target);
    }

    [Fact]
    public void LinkParent_EmptyId_IsRejectedAndNothingChanges()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Accepted);
        target.EscalateTo(Actors.Dispatcher, Moments.Hours(1), Nodes.Town, "Needs the town");

        DomainAssert.RejectsInput(target, "parentCaseId", () => target.LinkParent(Guid.Empty));
    }

    [Fact]
    public void Reopen_ClosedCaseTheParentResolved_EndsTheEscalationSoReworkStaysHere()
    {
        var target = new CaseBuilder().BuildResolvedByParent();
        target.Verify(Actors.Reporter, Moments.Hours(1), passed: true);

        target.Reopen(Actors.Dispatcher, Moments.Hours(2), "The roof leaks again");
        target.Assign(Actors.Dispatcher, Moments.Hours(3), Assignee.Worker(Actors.Worker));
        target.Start(Actors.Worker, Moments.Hours(4));
        target.Resolve(Actors.Worker, Moments.Hours(5), "Patched the roof");
        target.Verify(Actors.Reporter, Moments.Hours(6), passed: false, "Still leaking");

        Assert.Equal(CaseStatus.Returned, target.Status);
        Assert.Null(target.EscalatedToNodeId);
        Assert.Null(target.ParentCaseId);
        Assert.Null(target.ParentStatus);
        Assert.False(target.MirrorParent(Moments.Hours(7), CaseStatus.Resolved, handedBack: false, "Late update"));
        DomainAssert.HasConsistentHistory(target);
    }
}
