using Dispatch.Domain.Cases;
using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

public sealed class MergeTests
{
    [Fact]
    public void MergeInto_OpenOriginal_MarksTheDuplicateMerged()
    {
        var original = new CaseBuilder().With(r => r with { Number = "C-20261124-000001" }).BuildIn(CaseStatus.Assigned);
        var duplicate = new CaseBuilder().Build();

        duplicate.MergeInto(Actors.Dispatcher, Moments.Hours(1), original);

        Assert.Equal(CaseStatus.Merged, duplicate.Status);
        Assert.Equal(original.Id, duplicate.MergedIntoCaseId);
        Assert.Equal(CaseEventType.CaseMerged, duplicate.History[^1].Type);
        Assert.Contains("C-20261124-000001", duplicate.History[^1].Note, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Assigned, original.Status);
    }

    [Fact]
    public void MergeInto_EscalatedOriginal_IsAllowed()
    {
        var original = new CaseBuilder().BuildIn(CaseStatus.Escalated);
        var duplicate = new CaseBuilder().BuildIn(CaseStatus.Accepted);

        duplicate.MergeInto(Actors.Dispatcher, Moments.Hours(1), original, "Same leak, reported twice");

        Assert.Equal(CaseStatus.Merged, duplicate.Status);
        Assert.Equal("Same leak, reported twice", duplicate.History[^1].Note);
    }

    [Fact]
    public void MergeInto_Itself_BreaksCaseCannotBeMergedIntoItself()
    {
        var target = new CaseBuilder().Build();

        DomainAssert.BreaksRule(target, nameof(CaseCannotBeMergedIntoItself), () => target.MergeInto(Actors.Dispatcher, Moments.Hours(1), target));
    }

    [Theory]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Rejected)]
    [InlineData(CaseStatus.Merged)]
    public void MergeInto_OriginalNoLongerOpen_BreaksOriginalCaseMustStillBeOpen(CaseStatus originalStatus)
    {
        var original = new CaseBuilder().BuildIn(originalStatus);
        var duplicate = new CaseBuilder().Build();

        DomainAssert.BreaksRule(duplicate, nameof(OriginalCaseMustStillBeOpen), () => duplicate.MergeInto(Actors.Dispatcher, Moments.Hours(1), original));
    }

    [Fact]
    public void MergeInto_NoOriginal_IsRejectedAndNothingChanges()
    {
        var duplicate = new CaseBuilder().Build();

        DomainAssert.RejectsInput(duplicate, "original", () => duplicate.MergeInto(Actors.Dispatcher, Moments.Hours(1), null!));
    }
}
