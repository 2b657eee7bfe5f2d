using Dispatch.Domain.Cases;
using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

public sealed class HandlingTests
{
    [Fact]
    public void Start_ByTheAssignedWorker_PutsTheCaseInProgress()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Assigned);

        target.Start(Actors.Worker, Moments.Hours(1));

        Assert.Equal(CaseStatus.InProgress, target.Status);
        Assert.Equal(CaseEventType.CaseStarted, target.History[^1].Type);
    }

    [Fact]
    public void Start_ByAnotherWorker_BreaksOnlyAssignedWorkerCanHandle()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Assigned);

        DomainAssert.BreaksRule(target, nameof(OnlyAssignedWorkerCanHandle), () => target.Start(Actors.OtherWorker, Moments.Hours(1)));
    }

    [Fact]
    public void StartAndResolve_DepartmentAssignee_AnyHandlerMayAct()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Accepted);
        target.Assign(Actors.Dispatcher, Moments.Hours(1), Assignee.Department(Actors.SanitationDepartment));

        target.Start(Actors.OtherWorker, Moments.Hours(2));
        target.Resolve(Actors.Worker, Moments.Hours(3), "Cleared by the sanitation team");

        Assert.Equal(CaseStatus.Resolved, target.Status);
        Assert.Equal(Actors.Worker, target.ResolvedBy);
    }

    [Fact]
    public void Resolve_WithNoteAndEvidence_RecordsResolverTimeAndEvidence()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.InProgress);

        target.Resolve(Actors.Worker, Moments.Hours(1), "Bin emptied and washed", [Evidence.AfterPhoto, Evidence.Sha256]);

        Assert.Equal(CaseStatus.Resolved, target.Status);
        Assert.Equal(Actors.Worker, target.ResolvedBy);
        Assert.Equal(Moments.Hours(1), target.ResolvedAt);
        Assert.Equal([Evidence.Photo, Evidence.AfterPhoto, Evidence.Sha256], target.EvidenceRefs);
        var resolved = target.History[^1];
        Assert.Equal(CaseEventType.CaseResolved, resolved.Type);
        Assert.Equal("Bin emptied and washed", resolved.Note);
        Assert.Equal([Evidence.AfterPhoto, Evidence.Sha256], resolved.EvidenceRefs);
    }

    [Fact]
    public void Resolve_ByAnotherWorker_BreaksOnlyAssignedWorkerCanHandle()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.InProgress);

        DomainAssert.BreaksRule(target, nameof(OnlyAssignedWorkerCanHandle),
            () => target.Resolve(Actors.OtherWorker, Moments.Hours(1), "Fixed", [Evidence.AfterPhoto]));
    }

    [Fact]
    public void Resolve_WithoutNote_IsRejectedAndNothingChanges()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.InProgress);

        DomainAssert.RejectsInput(target, "note", () => target.Resolve(Actors.Worker, Moments.Hours(1), " ", [Evidence.AfterPhoto]));
    }
}
