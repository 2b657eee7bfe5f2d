using Dispatch.Domain.Cases;
using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Tests.Support;
using static Dispatch.Domain.Cases.CaseAction;
using static Dispatch.Domain.Cases.CaseStatus;

namespace Dispatch.Domain.Tests.Cases;

public sealed class CaseLifecycleTests
{
    /// <summary>The documented table, written out independently of <see cref="CaseLifecycle"/>.</summary>
    private static readonly CaseTransition[] Documented =
    [
        new(ResolveOnTheSpot, Reported, Resolved),
        new(Accept, Reported, Accepted),
        new(Reject, Reported, Rejected),
        new(Assign, Accepted, Assigned), new(Assign, Assigned, Assigned), new(Assign, Returned, Assigned),
        new(Start, Assigned, InProgress), new(Start, Returned, InProgress),
        new(Resolve, InProgress, Resolved),
        new(VerifyPass, Resolved, Closed), new(VerifyFail, Resolved, Returned),
        new(Defer, Accepted, Deferred), new(Defer, Assigned, Deferred), new(Defer, InProgress, Deferred), new(Defer, Returned, Deferred),
        new(Resume, Deferred, Accepted), new(Resume, Deferred, Assigned), new(Resume, Deferred, InProgress), new(Resume, Deferred, Returned),
        new(Reopen, Closed, Accepted),
        new(Escalate, Reported, Escalated), new(Escalate, Accepted, Escalated), new(Escalate, Assigned, Escalated),
        new(Escalate, InProgress, Escalated), new(Escalate, Resolved, Escalated), new(Escalate, Returned, Escalated),
        new(Escalate, Deferred, Escalated),
        new(ParentResolve, Escalated, Resolved), new(VerifyFail, Resolved, Escalated),
        new(ReturnEscalation, Escalated, Accepted), new(ReturnEscalation, Reported, Rejected), new(ReturnEscalation, Accepted, Rejected),
        new(RefuseEscalation, Escalated, Accepted),
        new(Merge, Reported, Merged), new(Merge, Accepted, Merged), new(Merge, Assigned, Merged),
    ];

    public static TheoryData<CaseAction, CaseStatus, CaseStatus> LegalTransitions()
    {
        var data = new TheoryData<CaseAction, CaseStatus, CaseStatus>();
        foreach (var t in CaseLifecycle.Transitions.Where(t => t.Action != ResolveOnTheSpot))
        {
            data.Add(t.Action, t.From, t.To);
        }

        return data;
    }

    /// <summary>
    /// Every (action, status) the table has no move for. ParentResolve is left to its own test: it is
    /// the parent's move mirrored here, and a mirrored update the case cannot take is ignored, not an error.
    /// </summary>
    public static TheoryData<CaseAction, CaseStatus> IllegalTransitions()
    {
        var data = new TheoryData<CaseAction, CaseStatus>();
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            foreach (var action in Enum.GetValues<CaseAction>().Where(a => a is not ResolveOnTheSpot and not ParentResolve))
            {
                if (!CaseLifecycle.Transitions.Any(t => t.Action == action && t.From == status))
                {
                    data.Add(action, status);
                }
            }
        }

        return data;
    }

    public static TheoryData<CaseStatus> StatusesWithoutParentResolve() =>
        [.. Enum.GetValues<CaseStatus>().Where(s => !CaseLifecycle.Transitions.Any(t => t.Action == ParentResolve && t.From == s))];

    [Fact]
    public void Transitions_MatchTheDocumentedTable()
    {
        Assert.Equal(Documented.ToHashSet(), CaseLifecycle.Transitions.ToHashSet());
        Assert.Equal(CaseLifecycle.Transitions.Count, CaseLifecycle.Transitions.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Perform_LegalTransition_MovesToTargetAndRecordsOneEvent(CaseAction action, CaseStatus from, CaseStatus to)
    {
        var target = Arrange(action, from, to);
        var version = target.Version;

        CaseActions.Perform(target, action, Moments.Hours(2));

        Assert.Equal(to, target.Status);
        Assert.Equal(version + 1, target.Version);
        var recorded = target.History[^1];
        Assert.Equal(from, recorded.FromStatus);
        Assert.Equal(to, recorded.ToStatus);
        Assert.Equal(target.Version, recorded.Sequence);
        Assert.Equal(Moments.Hours(2), recorded.At);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Perform_IllegalTransition_ThrowsAndChangesNothing(CaseAction action, CaseStatus status)
    {
        // Only a received case can be handed back at all; any other breaks that rule before the lifecycle's.
        var builder = action == ReturnEscalation ? new CaseBuilder().Received() : new CaseBuilder();
        var target = builder.BuildIn(status);
        var rule = action == Assign && status == Closed ? nameof(ClosedCaseCannotBeAssigned) : nameof(IllegalTransition);

        DomainAssert.BreaksRule(target, rule, () => CaseActions.Perform(target, action, Moments.Hours(2)));
    }

    [Theory]
    [MemberData(nameof(StatusesWithoutParentResolve))]
    public void MirrorParent_ResolvedWhereParentResolveIsIllegal_IsIgnoredAndChangesNothing(CaseStatus status)
    {
        var target = new CaseBuilder().BuildIn(status);
        var before = CaseSnapshot.Of(target);

        var mirrored = target.MirrorParent(Moments.Hours(2), Resolved, handedBack: false, "Fixed by the town");

        Assert.False(mirrored);
        Assert.Equal(before, CaseSnapshot.Of(target));
    }

    [Fact]
    public void IllegalTransition_Message_NamesActionStatusAndAllowedActions()
    {
        var target = new CaseBuilder().BuildIn(Reported);

        var error = DomainAssert.BreaksRule(target, nameof(IllegalTransition), () => target.Start(Actors.Worker, Moments.Hours(1)));

        Assert.Contains("Start", error.Message, StringComparison.Ordinal);
        Assert.Contains("Reported", error.Message, StringComparison.Ordinal);
        Assert.Contains("Accept", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Reported, true)]
    [InlineData(Accepted, true)]
    [InlineData(Assigned, true)]
    [InlineData(InProgress, true)]
    [InlineData(Resolved, true)]
    [InlineData(Returned, true)]
    [InlineData(Deferred, true)]
    [InlineData(Rejected, false)]
    [InlineData(Closed, false)]
    [InlineData(Escalated, false)]
    [InlineData(Merged, false)]
    public void IsOpen_EachStatus_IsTrueOnlyWhileTheNodeWorksOnTheCase(CaseStatus status, bool open)
    {
        Assert.Equal(open, CaseLifecycle.IsOpen(status));
        Assert.Equal(open, new CaseBuilder().BuildIn(status).IsOpen);
    }

    [Theory]
    [InlineData(Rejected)]
    [InlineData(Merged)]
    public void From_FinalStatus_HasNoWayOut(CaseStatus status)
    {
        Assert.Empty(CaseLifecycle.From(status));
    }

    [Fact]
    public void From_Escalated_OnlyFollowsTheParent()
    {
        Assert.Equal(
            [new(ParentResolve, Escalated, Resolved), new(ReturnEscalation, Escalated, Accepted), new(RefuseEscalation, Escalated, Accepted)],
            CaseLifecycle.From(Escalated).ToHashSet());
    }

    /// <summary>
    /// A case in <paramref name="from"/> on the side of the escalation the move belongs to: the village
    /// for what its town does to an escalated case, the town for handing a received case back.
    /// </summary>
    private static Case Arrange(CaseAction action, CaseStatus from, CaseStatus to) => (action, from, to) switch
    {
        (Resume, _, _) => new CaseBuilder().BuildDeferredFrom(to),
        (ParentResolve, _, _) => new CaseBuilder().BuildEscalatedToParent(),
        (VerifyFail, Resolved, Escalated) => new CaseBuilder().BuildResolvedByParent(),
        (ReturnEscalation, Escalated, _) => new CaseBuilder().BuildEscalatedToParent(),
        (ReturnEscalation, _, _) => new CaseBuilder().Received().BuildIn(from),
        (RefuseEscalation, _, _) => new CaseBuilder().BuildEscalatedAwaitingParent(),
        _ => new CaseBuilder().BuildIn(from),
    };
}
