using Dispatch.Domain.Cases;
using Dispatch.Domain.Common.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

public sealed class IntakeTests
{
    [Fact]
    public void Accept_ReportedCase_RecordsWhoAcceptedWhenWithNote()
    {
        var target = new CaseBuilder().Build();

        target.Accept(Actors.Dispatcher, Moments.Minutes(10), "Routine, sanitation team");

        Assert.Equal(CaseStatus.Accepted, target.Status);
        var accepted = target.History[^1];
        Assert.Equal(CaseEventType.CaseAccepted, accepted.Type);
        Assert.Equal(Actors.Dispatcher, accepted.ActorId);
        Assert.Equal(Moments.Minutes(10), accepted.At);
        Assert.Equal("Routine, sanitation team", accepted.Note);
        Assert.Equal(Moments.Minutes(10), target.UpdatedAt);
    }

    [Fact]
    public void Reject_WithReason_IsFinalAndKeepsTheReason()
    {
        var target = new CaseBuilder().Build();

        target.Reject(Actors.Dispatcher, Moments.Minutes(10), "Inside a private courtyard");

        Assert.Equal(CaseStatus.Rejected, target.Status);
        Assert.Equal(CaseEventType.CaseRejected, target.History[^1].Type);
        Assert.Equal("Inside a private courtyard", target.History[^1].Note);
        Assert.False(target.IsOpen);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Reject_WithoutReason_IsRejectedAndNothingChanges(string? reason)
    {
        var target = new CaseBuilder().Build();

        var error = DomainAssert.RejectsInput(target, "reason", () => target.Reject(Actors.Dispatcher, Moments.Minutes(10), reason!));

        Assert.Equal(nameof(TextIsRequired), error.Rule);
    }

    [Fact]
    public void Accept_WithoutActor_IsRejectedAndNothingChanges()
    {
        var target = new CaseBuilder().Build();

        DomainAssert.RejectsInput(target, "actorId", () => target.Accept(Guid.Empty, Moments.Minutes(10)));
    }

    [Fact]
    public void Accept_NoteOverTheLimit_IsRejectedAndNothingChanges()
    {
        var target = new CaseBuilder().Build();
        var note = new string('n', CaseLimits.NoteMaxLength + 1);

        var error = DomainAssert.RejectsInput(target, "note", () => target.Accept(Actors.Dispatcher, Moments.Minutes(10), note));

        Assert.Equal(nameof(TextMustNotExceedMaxLength), error.Rule);
    }

    [Fact]
    public void Accept_NoteAtTheLimit_IsAccepted()
    {
        var target = new CaseBuilder().Build();

        target.Accept(Actors.Dispatcher, Moments.Minutes(10), new string('n', CaseLimits.NoteMaxLength));

        Assert.Equal(CaseStatus.Accepted, target.Status);
    }
}
