using Dispatch.Domain.Cases;
using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

/// <summary>The parent's side of an escalation: receiving a child's case and handing it back.</summary>
public sealed class ReceiveEscalationTests
{
    [Fact]
    public void ReceiveEscalation_ValidOrigin_CreatesAReportedCaseCarryingTheOrigin()
    {
        var report = new CaseBuilder().BuildReport();

        var received = Case.ReceiveEscalation(report, Nodes.VillageCase, "Needs the town's housing department", CategoryCatalogue.Default, Moments.T0);

        Assert.Equal(report.Id, received.Id);
        Assert.Equal(CaseStatus.Reported, received.Status);
        Assert.Equal(Nodes.VillageCase, received.Origin);
        Assert.Null(received.EscalatedToNodeId);
        Assert.Null(received.ParentCaseId);
        Assert.Equal(1, received.Version);
        var reported = Assert.Single(received.History);
        Assert.Equal(CaseEventType.CaseReported, reported.Type);
        Assert.Equal(report.ReporterId, reported.ActorId);
        Assert.Null(reported.FromStatus);
        Assert.Equal(CaseStatus.Reported, reported.ToStatus);
        Assert.Equal($"Escalated from {Nodes.Village} case {Nodes.VillageCase.CaseNumber}: Needs the town's housing department", reported.Note);
        DomainAssert.HasConsistentHistory(received);
    }

    [Fact]
    public void ReceiveEscalation_ImmediateHandling_IsCoercedToSplitAndWaitsInTheQueue()
    {
        var received = new CaseBuilder().Immediate().Received().Build();

        Assert.Equal(CaseStatus.Reported, received.Status);
        Assert.Equal(HandlingMode.Split, received.HandlingMode);
        Assert.Null(received.Assignee);
        Assert.Null(received.ResolvedBy);
        Assert.Null(received.ResolvedAt);
        Assert.Single(received.History);
    }

    [Theory]
    [InlineData(HandlingMode.Fast)]
    [InlineData(HandlingMode.Split)]
    [InlineData(HandlingMode.Joint)]
    [InlineData(HandlingMode.Leader)]
    public void ReceiveEscalation_OtherHandlingMode_IsKept(HandlingMode mode)
    {
        var received = new CaseBuilder().With(r => r with { HandlingMode = mode }).Received().Build();

        Assert.Equal(mode, received.HandlingMode);
    }

    [Fact]
    public void ReceiveEscalation_WithoutOrigin_IsRejected()
    {
        var report = new CaseBuilder().BuildReport();

        DomainAssert.RejectsInput("origin", () => Case.ReceiveEscalation(report, null!, "Needs the town", CategoryCatalogue.Default, Moments.T0));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ReceiveEscalation_WithoutReason_IsRejected(string reason)
    {
        var report = new CaseBuilder().BuildReport();

        DomainAssert.RejectsInput("reason", () => Case.ReceiveEscalation(report, Nodes.VillageCase, reason, CategoryCatalogue.Default, Moments.T0));
    }

    [Fact]
    public void ReceiveEscalation_InvalidReport_IsRejected()
    {
        var report = new CaseBuilder().With(r => r with { Title = " " }).BuildReport();

        DomainAssert.RejectsInput("title", () => Case.ReceiveEscalation(report, Nodes.VillageCase, "Needs the town", CategoryCatalogue.Default, Moments.T0));
    }

    [Fact]
    public void ReceiveEscalation_LongestReasonTheChildAccepts_KeepsTheNoteWithinTheLimit()
    {
        var report = new CaseBuilder().BuildReport();
        var reason = new string('r', CaseLimits.NoteMaxLength);

        var received = Case.ReceiveEscalation(report, Nodes.VillageCase, reason, CategoryCatalogue.Default, Moments.T0);

        var note = received.History[0].Note!;
        Assert.True(note.Length <= CaseLimits.NoteMaxLength, $"The note is {note.Length} characters long.");
        Assert.StartsWith($"Escalated from {Nodes.Village} case {Nodes.VillageCase.CaseNumber}: rrr", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "C-1", "origin.nodeId")]
    [InlineData("village-01", "", "origin.caseNumber")]
    public void CaseOrigin_MissingText_IsRejected(string nodeId, string caseNumber, string field)
    {
        DomainAssert.RejectsInput(field, () => new CaseOrigin(nodeId, Guid.NewGuid(), caseNumber));
    }

    [Fact]
    public void CaseOrigin_EmptyCaseId_IsRejected()
    {
        DomainAssert.RejectsInput("origin.caseId", () => new CaseOrigin(Nodes.Village, Guid.Empty, "C-1"));
    }

    [Fact]
    public void CaseOrigin_TooLongNodeId_IsRejected()
    {
        DomainAssert.RejectsInput("origin.nodeId", () => new CaseOrigin(new string('v', CaseOrigin.NodeIdMaxLength + 1), Guid.NewGuid(), "C-1"));
    }

    [Fact]
    public void CaseOrigin_CaseNumberLongerThanACaseNumber_IsRejected()
    {
        DomainAssert.RejectsInput("origin.caseNumber", () => new CaseOrigin(Nodes.Village, Guid.NewGuid(), new string('9', CaseLimits.NumberMaxLength + 1)));
    }

    [Theory]
    [InlineData(CaseStatus.Reported)]
    [InlineData(CaseStatus.Accepted)]
    public void ReturnToChild_ReceivedCaseNotYetDispatched_RejectsItHere(CaseStatus status)
    {
        var target = new CaseBuilder().Received().BuildIn(status);
        var version = target.Version;

        target.ReturnToChild(Actors.Dispatcher, Moments.Hours(1), "A village matter: the grid can clear it");

        Assert.Equal(CaseStatus.Rejected, target.Status);
        Assert.False(target.IsOpen);
        Assert.Equal(Nodes.VillageCase, target.Origin);
        Assert.Equal(version + 1, target.Version);
        var returned = target.History[^1];
        Assert.Equal(CaseEventType.CaseEscalationReturned, returned.Type);
        Assert.Equal(Actors.Dispatcher, returned.ActorId);
        Assert.Equal(status, returned.FromStatus);
        Assert.Equal(CaseStatus.Rejected, returned.ToStatus);
        Assert.Equal(Moments.Hours(1), returned.At);
        Assert.Equal("A village matter: the grid can clear it", returned.Note);
        DomainAssert.HasConsistentHistory(target);
    }

    [Theory]
    [InlineData(CaseStatus.Reported)]
    [InlineData(CaseStatus.Accepted)]
    public void ReturnToChild_CaseReportedHere_BreaksEscalationCanOnlyBeReturnedToItsChild(CaseStatus status)
    {
        var target = new CaseBuilder().BuildIn(status);

        DomainAssert.BreaksRule(target, nameof(EscalationCanOnlyBeReturnedToItsChild), () => target.ReturnToChild(Actors.Dispatcher, Moments.Hours(1), "Not ours"));
    }

    [Theory]
    [InlineData(CaseStatus.Assigned)]
    [InlineData(CaseStatus.InProgress)]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Escalated)]
    public void ReturnToChild_ReceivedCaseAlreadyDispatched_BreaksIllegalTransition(CaseStatus status)
    {
        var target = new CaseBuilder().Received().BuildIn(status);

        DomainAssert.BreaksRule(target, nameof(IllegalTransition), () => target.ReturnToChild(Actors.Dispatcher, Moments.Hours(1), "Too late to hand back"));
    }

    [Fact]
    public void ReturnToChild_WithoutReason_IsRejectedAndNothingChanges()
    {
        var target = new CaseBuilder().Received().BuildIn(CaseStatus.Accepted);

        DomainAssert.RejectsInput(target, "reason", () => target.ReturnToChild(Actors.Dispatcher, Moments.Hours(1), " "));
    }
}
