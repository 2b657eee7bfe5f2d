using Dispatch.Domain.Cases;
using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Common.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

public sealed class AssignmentTests
{
    [Fact]
    public void Assign_AcceptedCaseToWorker_RecordsTheAssignee()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Accepted);

        target.Assign(Actors.Dispatcher, Moments.Hours(1), Assignee.Worker(Actors.Worker), "Nearest worker");

        Assert.Equal(CaseStatus.Assigned, target.Status);
        Assert.Equal(Assignee.Worker(Actors.Worker), target.Assignee);
        Assert.Equal(CaseEventType.CaseAssigned, target.History[^1].Type);
        Assert.Equal(Assignee.Worker(Actors.Worker), target.History[^1].Assignee);
    }

    [Fact]
    public void Assign_GivenInstance_IsCopiedSoNoInstanceHasTwoOwners()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Accepted);
        var given = Assignee.Worker(Actors.Worker);

        target.Assign(Actors.Dispatcher, Moments.Hours(1), given);

        Assert.Equal(given, target.Assignee);
        Assert.NotSame(given, target.Assignee);
        Assert.NotSame(target.Assignee, target.History[^1].Assignee);
    }

    [Fact]
    public void Assign_AcceptedCaseToDepartment_RecordsTheDepartment()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Accepted);

        target.Assign(Actors.Dispatcher, Moments.Hours(1), Assignee.Department(Actors.SanitationDepartment));

        Assert.Equal(AssigneeKind.Department, target.Assignee!.Kind);
        Assert.Equal(Actors.SanitationDepartment, target.Assignee.Id);
    }

    [Theory]
    [InlineData(CaseStatus.Assigned)]
    [InlineData(CaseStatus.Returned)]
    public void Assign_AssignedOrReturnedCase_Reassigns(CaseStatus status)
    {
        var target = new CaseBuilder().BuildIn(status);

        target.Assign(Actors.Dispatcher, Moments.Hours(1), Assignee.Worker(Actors.OtherWorker));

        Assert.Equal(CaseStatus.Assigned, target.Status);
        Assert.Equal(Assignee.Worker(Actors.OtherWorker), target.Assignee);
    }

    [Fact]
    public void Assign_ClosedCase_BreaksClosedCaseCannotBeAssigned()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Closed);

        var error = DomainAssert.BreaksRule(target, nameof(ClosedCaseCannotBeAssigned),
            () => target.Assign(Actors.Dispatcher, Moments.Hours(1), Assignee.Worker(Actors.OtherWorker)));

        Assert.Contains("closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_WithoutAssignee_IsRejectedAndNothingChanges()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Accepted);

        DomainAssert.RejectsInput(target, "assignee", () => target.Assign(Actors.Dispatcher, Moments.Hours(1), null!));
    }

    [Fact]
    public void AssigneeCreate_EmptyId_IsRejected()
    {
        var error = DomainAssert.RejectsInput("assignee.id", () => Assignee.Worker(Guid.Empty));

        Assert.Equal(nameof(IdIsRequired), error.Rule);
    }

    [Fact]
    public void AssigneeCreate_UndefinedKind_IsRejected()
    {
        DomainAssert.RejectsInput("assignee.kind", () => Assignee.Create(default, Actors.Worker));
    }

    [Fact]
    public void Assignee_SameKindAndId_AreEqual()
    {
        Assert.Equal(Assignee.Worker(Actors.Worker), Assignee.Create(AssigneeKind.Worker, Actors.Worker));
        Assert.NotEqual(Assignee.Worker(Actors.Worker), Assignee.Department(Actors.Worker));
    }
}
