using Dispatch.Domain.Cases;
using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

public sealed class VerificationTests
{
    [Fact]
    public void Verify_ByTheResolver_BreaksVerifierMustNotBeResolver()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Resolved);

        DomainAssert.BreaksRule(target, nameof(VerifierMustNotBeResolver), () => target.Verify(Actors.Worker, Moments.Hours(1), passed: true));
        DomainAssert.BreaksRule(target, nameof(VerifierMustNotBeResolver), () => target.Verify(Actors.Worker, Moments.Hours(1), passed: false, "No"));
    }

    [Fact]
    public void Verify_Passed_ClosesTheCase()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Resolved);

        target.Verify(Actors.Verifier, Moments.Hours(1), passed: true, "Checked on site", [Evidence.Sha256]);

        Assert.Equal(CaseStatus.Closed, target.Status);
        Assert.Equal(Moments.Hours(1), target.ClosedAt);
        Assert.Equal(0, target.ReworkCount);
        Assert.Contains(Evidence.Sha256, target.EvidenceRefs);
        Assert.Equal(CaseEventType.CaseVerified, target.History[^1].Type);
        Assert.False(target.IsOpen);
    }

    [Fact]
    public void Verify_Failed_ReturnsForReworkAndCountsIt()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Resolved);

        target.Verify(Actors.Verifier, Moments.Hours(1), passed: false, "Bin still overflowing");

        Assert.Equal(CaseStatus.Returned, target.Status);
        Assert.Equal(1, target.ReworkCount);
        Assert.Null(target.ResolvedBy);
        Assert.Null(target.ResolvedAt);
        Assert.Equal(Assignee.Worker(Actors.Worker), target.Assignee);
        Assert.Equal(CaseEventType.CaseReturned, target.History[^1].Type);
        Assert.Equal("Bin still overflowing", target.History[^1].Note);
    }

    [Fact]
    public void Verify_FailedWithoutNote_IsRejectedAndNothingChanges()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Resolved);

        DomainAssert.RejectsInput(target, "note", () => target.Verify(Actors.Verifier, Moments.Hours(1), passed: false));
    }

    [Fact]
    public void Rework_ReturnedTwice_CountsEveryFailedVerification()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Returned);

        target.Start(Actors.Worker, Moments.Hours(1));
        target.Resolve(Actors.Worker, Moments.Hours(2), "Emptied again");
        target.Verify(Actors.Reporter, Moments.Hours(3), passed: false, "Full again");
        target.Start(Actors.Worker, Moments.Hours(4));
        target.Resolve(Actors.Worker, Moments.Hours(5), "Bigger bin installed");
        target.Verify(Actors.Reporter, Moments.Hours(6), passed: true);

        Assert.Equal(CaseStatus.Closed, target.Status);
        Assert.Equal(2, target.ReworkCount);
    }

    [Fact]
    public void Start_ReturnedCaseByAnotherWorker_BreaksOnlyAssignedWorkerCanHandle()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Returned);

        DomainAssert.BreaksRule(target, nameof(OnlyAssignedWorkerCanHandle), () => target.Start(Actors.OtherWorker, Moments.Hours(1)));
    }
}
