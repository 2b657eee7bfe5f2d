using Dispatch.Domain.Cases;
using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

public sealed class ImmediateHandlingTests
{
    [Fact]
    public void Report_Immediate_IsResolvedByTheReporterOnTheSpot()
    {
        var reported = new CaseBuilder().Immediate().Build();

        Assert.Equal(CaseStatus.Resolved, reported.Status);
        Assert.Equal(Assignee.Worker(Actors.Reporter), reported.Assignee);
        Assert.Equal(Actors.Reporter, reported.ResolvedBy);
        Assert.Equal(Moments.T0, reported.ResolvedAt);
    }

    [Fact]
    public void Report_Immediate_RecordsReportedThenResolved()
    {
        var reported = new CaseBuilder().Immediate().Build();

        Assert.Equal([CaseEventType.CaseReported, CaseEventType.CaseResolved], reported.History.Select(e => e.Type));
        var resolved = reported.History[1];
        Assert.Equal(CaseStatus.Reported, resolved.FromStatus);
        Assert.Equal(CaseStatus.Resolved, resolved.ToStatus);
        Assert.Equal(Actors.Reporter, resolved.ActorId);
        Assert.Equal(2, reported.Version);
    }

    [Fact]
    public void Verify_ImmediateCaseByTheReporter_IsRefused()
    {
        var reported = new CaseBuilder().Immediate().Build();

        DomainAssert.BreaksRule(reported, nameof(VerifierMustNotBeResolver),
            () => reported.Verify(Actors.Reporter, Moments.Hours(1), passed: true));
    }

    [Fact]
    public void Verify_ImmediateCaseBySomeoneElse_ClosesIt()
    {
        var reported = new CaseBuilder().Immediate().Build();

        reported.Verify(Actors.Verifier, Moments.Hours(1), passed: true);

        Assert.Equal(CaseStatus.Closed, reported.Status);
    }

    [Fact]
    public void Start_ReturnedImmediateCase_IsReworkedByTheReporter()
    {
        var reported = new CaseBuilder().Immediate().Build();
        reported.Verify(Actors.Verifier, Moments.Hours(1), passed: false, "The leak is still there");

        reported.Start(Actors.Reporter, Moments.Hours(2));

        Assert.Equal(CaseStatus.InProgress, reported.Status);
        Assert.Equal(1, reported.ReworkCount);
    }
}
