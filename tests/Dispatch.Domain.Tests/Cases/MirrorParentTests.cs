using Dispatch.Domain.Cases;
using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

/// <summary>The child's side of an escalation: following the parent, and the reporting grid's verification.</summary>
public sealed class MirrorParentTests
{
    [Theory]
    [InlineData(CaseStatus.Accepted)]
    [InlineData(CaseStatus.Assigned)]
    [InlineData(CaseStatus.InProgress)]
    [InlineData(CaseStatus.Deferred)]
    public void MirrorParent_ParentProgress_RecordsTheUpdateAndKeepsTheStatus(CaseStatus parentStatus)
    {
        var target = new CaseBuilder().BuildEscalatedToParent();
        var version = target.Version;

        var mirrored = target.MirrorParent(Moments.Hours(1), parentStatus, handedBack: false, "Assigned to the housing department");

        Assert.True(mirrored);
        Assert.Equal(CaseStatus.Escalated, target.Status);
        Assert.Equal(parentStatus, target.ParentStatus);
        Assert.Equal(Nodes.Town, target.EscalatedToNodeId);
        Assert.Equal(Nodes.TownCaseId, target.ParentCaseId);
        Assert.Equal(version + 1, target.Version);
        var updated = target.History[^1];
        Assert.Equal(CaseEventType.CaseParentUpdated, updated.Type);
        Assert.Null(updated.ActorId);
        Assert.Equal(CaseStatus.Escalated, updated.FromStatus);
        Assert.Equal(CaseStatus.Escalated, updated.ToStatus);
        Assert.Equal(Moments.Hours(1), updated.At);
        Assert.Equal("Assigned to the housing department", updated.Note);
        DomainAssert.HasConsistentHistory(target);
    }

    [Fact]
    public void MirrorParent_ParentResolved_ResolvesTheCaseForTheReportingGridToVerify()
    {
        var target = new CaseBuilder().BuildEscalatedToParent();

        var mirrored = target.MirrorParent(Moments.Hours(3), CaseStatus.Resolved, handedBack: false, "Roof repaired");

        Assert.True(mirrored);
        Assert.Equal(CaseStatus.Resolved, target.Status);
        Assert.True(target.IsOpen);
        Assert.Equal(CaseStatus.Resolved, target.ParentStatus);
        Assert.Equal(Moments.Hours(3), target.ResolvedAt);
        Assert.Null(target.ResolvedBy);
        Assert.Equal(Nodes.Town, target.EscalatedToNodeId);
        var resolved = target.History[^1];
        Assert.Equal(CaseEventType.CaseResolvedByParent, resolved.Type);
        Assert.Null(resolved.ActorId);
        Assert.Equal(CaseStatus.Escalated, resolved.FromStatus);
        Assert.Equal(CaseStatus.Resolved, resolved.ToStatus);
        Assert.Equal("Roof repaired", resolved.Note);
        DomainAssert.HasConsistentHistory(target);
    }

    [Fact]
    public void Verify_PassedAfterTheParentResolved_ClosesTheCase()
    {
        var target = new CaseBuilder().BuildResolvedByParent();

        target.Verify(Actors.Reporter, Moments.Hours(1), passed: true, "Dry after the rain", [Evidence.Sha256]);

        Assert.Equal(CaseStatus.Closed, target.Status);
        Assert.Equal(Moments.Hours(1), target.ClosedAt);
        Assert.Equal(0, target.ReworkCount);
        Assert.Equal(CaseEventType.CaseVerified, target.History[^1].Type);
        Assert.Equal(CaseStatus.Resolved, target.History[^1].FromStatus);
        DomainAssert.HasConsistentHistory(target);
    }

    [Fact]
    public void Verify_FailedAfterTheParentResolved_SendsTheCaseBackUpForRework()
    {
        var target = new CaseBuilder().BuildResolvedByParent();

        target.Verify(Actors.Reporter, Moments.Hours(1), passed: false, "Still leaking");

        Assert.Equal(CaseStatus.Escalated, target.Status);
        Assert.Equal(1, target.ReworkCount);
        Assert.Null(target.ResolvedAt);
        Assert.Null(target.ResolvedBy);
        Assert.Equal(Nodes.Town, target.EscalatedToNodeId);
        Assert.Equal(Nodes.TownCaseId, target.ParentCaseId);
        var returned = target.History[^1];
        Assert.Equal(CaseEventType.CaseReturned, returned.Type);
        Assert.Equal(Actors.Reporter, returned.ActorId);
        Assert.Equal(CaseStatus.Resolved, returned.FromStatus);
        Assert.Equal(CaseStatus.Escalated, returned.ToStatus);
        Assert.Equal("Still leaking", returned.Note);
    }

    [Fact]
    public void MirrorParent_ResolvedAgainAfterFailedVerification_LetsTheGridVerifyAgain()
    {
        var target = new CaseBuilder().BuildResolvedByParent();
        target.Verify(Actors.Reporter, Moments.Hours(1), passed: false, "Still leaking");
        Assert.True(target.MirrorParent(Moments.Hours(2), CaseStatus.InProgress, handedBack: false, "Rework started"));

        Assert.True(target.MirrorParent(Moments.Hours(5), CaseStatus.Resolved, handedBack: false, "Roof replaced"));
        target.Verify(Actors.Reporter, Moments.Hours(6), passed: true);

        Assert.Equal(CaseStatus.Closed, target.Status);
        Assert.Equal(1, target.ReworkCount);
        Assert.Equal(Moments.Hours(5), target.ResolvedAt);
        Assert.Equal(
            [
                CaseEventType.CaseReported, CaseEventType.CaseAccepted, CaseEventType.CaseEscalated,
                CaseEventType.CaseResolvedByParent, CaseEventType.CaseReturned, CaseEventType.CaseParentUpdated,
                CaseEventType.CaseResolvedByParent, CaseEventType.CaseVerified,
            ],
            target.History.Select(e => e.Type));
        DomainAssert.HasConsistentHistory(target);
    }

    [Fact]
    public void Verify_ByTheReporterOfAnImmediateCaseTheParentResolved_ClosesTheCase()
    {
        // The reporter "fixed" it on the spot, the village judged that not enough and escalated; the
        // town's resolution is not the reporter's, so the reporter verifies it as the flow requires.
        var target = new CaseBuilder().Immediate().Build();
        target.EscalateTo(Actors.Dispatcher, Moments.Minutes(5), Nodes.Town, "Needs a proper repair");
        target.MirrorParent(Moments.Hours(2), CaseStatus.Resolved, handedBack: false, "Repaired properly");

        target.Verify(Actors.Reporter, Moments.Hours(3), passed: true);

        Assert.Equal(CaseStatus.Closed, target.Status);
    }

    [Fact]
    public void MirrorParent_ResolvedAgainWhileTheGridVerifies_RecordsTheUpdateOnly()
    {
        var target = new CaseBuilder().BuildResolvedByParent();
        var resolvedAt = target.ResolvedAt;

        var mirrored = target.MirrorParent(Moments.Hours(1), CaseStatus.Resolved, handedBack: false, "Photos added");

        Assert.True(mirrored);
        Assert.Equal(CaseStatus.Resolved, target.Status);
        Assert.Equal(resolvedAt, target.ResolvedAt);
        Assert.Equal(CaseEventType.CaseParentUpdated, target.History[^1].Type);
        Assert.Equal(CaseStatus.Resolved, target.History[^1].FromStatus);
        Assert.Equal(CaseStatus.Resolved, target.History[^1].ToStatus);
        DomainAssert.HasConsistentHistory(target);
    }

    [Fact]
    public void MirrorParent_HandedBack_ReturnsTheCaseToThisNodesQueue()
    {
        var target = new CaseBuilder().BuildEscalatedToParent();

        var mirrored = target.MirrorParent(Moments.Hours(1), CaseStatus.Rejected, handedBack: true, "A village matter");

        Assert.True(mirrored);
        Assert.Equal(CaseStatus.Accepted, target.Status);
        Assert.True(target.IsOpen);
        Assert.Null(target.EscalatedToNodeId);
        Assert.Null(target.ParentCaseId);
        var returned = target.History[^1];
        Assert.Equal(CaseEventType.CaseEscalationReturned, returned.Type);
        Assert.Null(returned.ActorId);
        Assert.Equal(CaseStatus.Escalated, returned.FromStatus);
        Assert.Equal(CaseStatus.Accepted, returned.ToStatus);
        Assert.Equal("A village matter", returned.Note);
        DomainAssert.HasConsistentHistory(target);

        target.Assign(Actors.Dispatcher, Moments.Hours(2), Assignee.Worker(Actors.Worker));
        Assert.Equal(CaseStatus.Assigned, target.Status);
    }

    [Fact]
    public void MirrorParent_AfterHandBack_IsIgnored()
    {
        var target = new CaseBuilder().BuildEscalatedToParent();
        target.MirrorParent(Moments.Hours(1), CaseStatus.Rejected, handedBack: true, "A village matter");
        var before = CaseSnapshot.Of(target);

        Assert.False(target.MirrorParent(Moments.Hours(2), CaseStatus.Rejected, handedBack: false, "Late update"));
        Assert.Equal(before, CaseSnapshot.Of(target));
    }

    [Theory]
    [InlineData(CaseStatus.Reported)]
    [InlineData(CaseStatus.Accepted)]
    [InlineData(CaseStatus.Assigned)]
    [InlineData(CaseStatus.InProgress)]
    [InlineData(CaseStatus.Resolved)]
    [InlineData(CaseStatus.Returned)]
    [InlineData(CaseStatus.Deferred)]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Rejected)]
    [InlineData(CaseStatus.Merged)]
    public void MirrorParent_CaseNotEscalated_ReturnsFalseAndChangesNothing(CaseStatus status)
    {
        var target = new CaseBuilder().BuildIn(status);
        var before = CaseSnapshot.Of(target);

        Assert.False(target.MirrorParent(Moments.Hours(1), CaseStatus.InProgress, handedBack: false, "Progress"));
        Assert.False(target.MirrorParent(Moments.Hours(1), CaseStatus.Resolved, handedBack: false, "Fixed"));
        Assert.False(target.MirrorParent(Moments.Hours(1), CaseStatus.Rejected, handedBack: true, "Handed back"));
        Assert.Equal(before, CaseSnapshot.Of(target));
    }

    [Theory]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Accepted)]
    public void MirrorParent_EscalatedCaseClosedHere_RecordsTheParentsStatusAndStaysClosed(CaseStatus parentStatus)
    {
        // The verdict closed the case here first; the parent's copy closes when the verdict arrives there (or is
        // reopened there later), and the child's parent status follows instead of staying at the resolution.
        var target = new CaseBuilder().BuildResolvedByParent();
        target.Verify(Actors.Reporter, Moments.Hours(1), passed: true);
        var closedAt = target.ClosedAt;

        Assert.True(target.MirrorParent(Moments.Hours(2), parentStatus, handedBack: false, "CaseVerified at town"));

        Assert.Equal(CaseStatus.Closed, target.Status);
        Assert.Equal(parentStatus, target.ParentStatus);
        Assert.Equal(closedAt, target.ClosedAt);
        Assert.Equal(Nodes.Town, target.EscalatedToNodeId);
        Assert.Null(target.NextAlarmAt);
        var updated = target.History[^1];
        Assert.Equal(CaseEventType.CaseParentUpdated, updated.Type);
        Assert.Equal(CaseStatus.Closed, updated.FromStatus);
        Assert.Equal(CaseStatus.Closed, updated.ToStatus);
        DomainAssert.HasConsistentHistory(target);
    }

    [Fact]
    public void MirrorParent_HandedBackAfterTheCaseClosedHere_ReturnsFalseAndChangesNothing()
    {
        var target = new CaseBuilder().BuildResolvedByParent();
        target.Verify(Actors.Reporter, Moments.Hours(1), passed: true);
        var before = CaseSnapshot.Of(target);

        Assert.False(target.MirrorParent(Moments.Hours(2), CaseStatus.Rejected, handedBack: true, "Handed back"));
        Assert.Equal(before, CaseSnapshot.Of(target));
    }

    [Fact]
    public void MirrorParent_ClosedCaseReopenedHere_ReturnsFalseAndChangesNothing()
    {
        var target = new CaseBuilder().BuildResolvedByParent();
        target.Verify(Actors.Reporter, Moments.Hours(1), passed: true);
        target.Reopen(Actors.Dispatcher, Moments.Hours(2), "Flooded again");
        var before = CaseSnapshot.Of(target);

        Assert.False(target.MirrorParent(Moments.Hours(3), CaseStatus.Closed, handedBack: false, "Closed at the town"));
        Assert.Equal(before, CaseSnapshot.Of(target));
    }

    [Fact]
    public void MirrorParent_HandedBackWhileTheGridVerifies_BreaksIllegalTransition()
    {
        var target = new CaseBuilder().BuildResolvedByParent();

        DomainAssert.BreaksRule(target, nameof(IllegalTransition), () => target.MirrorParent(Moments.Hours(1), CaseStatus.Resolved, handedBack: true, "Contradiction"));
    }
}
