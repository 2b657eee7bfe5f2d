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

    public static TheoryData<CaseAction, CaseStatus> IllegalTransitions()
    {
        var data = new TheoryData<CaseAction, CaseStatus>();
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            foreach (var action in Enum.GetValues<CaseAction>().Where(a => a != ResolveOnTheSpot))
            {
                if (!CaseLifecycle.Transitions.Any(t => t.Action == action && t.From == status))
                {
                    data.Add(action, status);
                }
            }
        }

        return data;
    }

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
        var target = action == Resume ? new CaseBuilder().BuildDeferredFrom(to) : new CaseBuilder().BuildIn(from);
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
        var target = new CaseBuilder().BuildIn(status);
        var rule = action == Assign && status == Closed ? nameof(ClosedCaseCannotBeAssigned) : nameof(IllegalTransition);

        DomainAssert.BreaksRule(target, rule, () => CaseActions.Perform(target, action, Moments.Hours(2)));
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
    [InlineData(Escalated)]
    public void From_FinalStatus_HasNoWayOut(CaseStatus status)
    {
        Assert.Empty(CaseLifecycle.From(status));
    }
}
