using Dispatch.Domain.Cases;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

public sealed class ReportTests
{
    [Fact]
    public void Report_ValidReport_CreatesReportedCaseWithEveryField()
    {
        var report = new CaseBuilder().DueAt(Moments.Hours(24)).BuildReport();

        var reported = Case.Report(report, CategoryCatalogue.Default, Moments.T0);

        Assert.Equal(report.Id, reported.Id);
        Assert.Equal(report.Number, reported.Number);
        Assert.Equal(report.RequestId, reported.RequestId);
        Assert.Equal(report.Title, reported.Title);
        Assert.Equal(report.Description, reported.Description);
        Assert.Equal(report.CategoryCode, reported.CategoryCode);
        Assert.Equal(report.GridId, reported.GridId);
        Assert.Equal(report.Location, reported.Location);
        Assert.Equal(report.Whistle, reported.Whistle);
        Assert.Equal(report.HandlingMode, reported.HandlingMode);
        Assert.Equal(Actors.Reporter, reported.ReporterId);
        Assert.Equal(CaseStatus.Reported, reported.Status);
        Assert.Equal(Moments.T0, reported.ReportedAt);
        Assert.Equal(Moments.T0, reported.UpdatedAt);
        Assert.Equal(Moments.Hours(24), reported.DueAt);
        Assert.Equal([Evidence.Photo], reported.EvidenceRefs);
        Assert.Null(reported.Assignee);
        Assert.Null(reported.ResolvedBy);
        Assert.Null(reported.Satisfaction);
        Assert.Null(reported.MergedIntoCaseId);
        Assert.False(reported.Overdue);
        Assert.Equal(0, reported.ReworkCount);
        Assert.Equal(1, reported.Version);
    }

    [Fact]
    public void Report_ValidReport_RecordsCaseReportedAsFirstEvent()
    {
        var reported = new CaseBuilder().Build();

        var first = Assert.Single(reported.History);
        Assert.Equal(CaseEventType.CaseReported, first.Type);
        Assert.Equal(reported.Id, first.CaseId);
        Assert.Equal(1, first.Sequence);
        Assert.Equal(Actors.Reporter, first.ActorId);
        Assert.Equal(Moments.T0, first.At);
        Assert.Null(first.FromStatus);
        Assert.Equal(CaseStatus.Reported, first.ToStatus);
        Assert.Equal([Evidence.Photo], first.EvidenceRefs);
    }

    [Fact]
    public void Report_WithoutDescriptionOrDeadline_StoresEmptyDescriptionAndNoDeadline()
    {
        var reported = new CaseBuilder().With(r => r with { Description = null }).Build();

        Assert.Equal(string.Empty, reported.Description);
        Assert.Null(reported.DueAt);
    }

    [Fact]
    public void Report_TopLevelCategory_IsAccepted()
    {
        var reported = new CaseBuilder().With(r => r with { CategoryCode = "02" }).Build();

        Assert.Equal("02", reported.CategoryCode);
    }

    [Fact]
    public void Report_DuplicateEvidenceRefs_KeepsEachReferenceOnceOnTheCase()
    {
        var reported = new CaseBuilder().With(r => r with { EvidenceRefs = [Evidence.Photo, Evidence.Photo, Evidence.Sha256] }).Build();

        Assert.Equal([Evidence.Photo, Evidence.Sha256], reported.EvidenceRefs);
    }

    [Theory]
    [InlineData(HandlingMode.Fast)]
    [InlineData(HandlingMode.Split)]
    [InlineData(HandlingMode.Joint)]
    [InlineData(HandlingMode.Leader)]
    public void Report_NonImmediateHandling_WaitsForTheCommandCentre(HandlingMode mode)
    {
        var reported = new CaseBuilder().With(r => r with { HandlingMode = mode }).Build();

        Assert.Equal(CaseStatus.Reported, reported.Status);
    }
}
