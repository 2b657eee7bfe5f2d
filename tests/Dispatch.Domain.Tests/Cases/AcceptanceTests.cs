using Dispatch.Domain.Cases;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

public sealed class AcceptanceTests
{
    [Fact]
    public void Accept_WithASuggestedDepartment_KeepsTheSuggestion()
    {
        var target = new CaseBuilder().Build();

        target.Accept(Actors.Dispatcher, Moments.Minutes(5), note: null, Actors.SanitationDepartment);

        Assert.Equal(CaseStatus.Accepted, target.Status);
        Assert.Equal(Actors.SanitationDepartment, target.SuggestedDepartmentId);
        Assert.Null(target.Assignee);
    }

    [Fact]
    public void Accept_WithoutSuggestion_LeavesItEmpty()
    {
        var target = new CaseBuilder().Build();

        target.Accept(Actors.Dispatcher, Moments.Minutes(5));

        Assert.Null(target.SuggestedDepartmentId);
    }

    [Fact]
    public void Assign_ToAnotherDepartment_KeepsTheSuggestionAsRecorded()
    {
        var target = new CaseBuilder().Build();
        target.Accept(Actors.Dispatcher, Moments.Minutes(5), "Routed by category", Actors.SanitationDepartment);

        target.Assign(Actors.Dispatcher, Moments.Minutes(6), Assignee.Department(Actors.SafetyDepartment), "Needs the safety team");

        Assert.Equal(Assignee.Department(Actors.SafetyDepartment), target.Assignee);
        Assert.Equal(Actors.SanitationDepartment, target.SuggestedDepartmentId);
    }

    [Fact]
    public void Accept_EmptySuggestedDepartment_IsRejectedAndChangesNothing()
    {
        var target = new CaseBuilder().Build();

        DomainAssert.RejectsInput(target, "suggestedDepartmentId", () => target.Accept(Actors.Dispatcher, Moments.Minutes(5), null, Guid.Empty));
    }

    [Fact]
    public void Accept_AnAcceptedCase_IsIllegalAndKeepsTheFirstSuggestion()
    {
        var target = new CaseBuilder().Build();
        target.Accept(Actors.Dispatcher, Moments.Minutes(5), null, Actors.SanitationDepartment);

        DomainAssert.BreaksRule(target, "IllegalTransition", () => target.Accept(Actors.Dispatcher, Moments.Minutes(6), null, Actors.SafetyDepartment));

        Assert.Equal(Actors.SanitationDepartment, target.SuggestedDepartmentId);
    }
}
