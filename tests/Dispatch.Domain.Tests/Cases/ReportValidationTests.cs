using Dispatch.Domain.Cases;
using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Common.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

public sealed class ReportValidationTests
{
    public static TheoryData<string, string, Func<CaseReport, CaseReport>> InvalidReports() => new()
    {
        { "id", nameof(IdIsRequired), r => r with { Id = Guid.Empty } },
        { "number", nameof(TextIsRequired), r => r with { Number = "" } },
        { "number", nameof(TextMustNotExceedMaxLength), r => r with { Number = new string('9', CaseLimits.NumberMaxLength + 1) } },
        { "requestId", nameof(TextIsRequired), r => r with { RequestId = " " } },
        { "requestId", nameof(TextMustNotExceedMaxLength), r => r with { RequestId = new string('r', CaseLimits.RequestIdMaxLength + 1) } },
        { "title", nameof(TextIsRequired), r => r with { Title = null! } },
        { "title", nameof(TextIsRequired), r => r with { Title = "" } },
        { "title", nameof(TextIsRequired), r => r with { Title = " \t\n" } },
        { "title", nameof(TextMustNotExceedMaxLength), r => r with { Title = new string('t', 201) } },
        { "description", nameof(TextMustNotExceedMaxLength), r => r with { Description = new string('d', 4_001) } },
        { "categoryCode", nameof(TextIsRequired), r => r with { CategoryCode = "" } },
        { "categoryCode", nameof(CategoryMustBeInCatalogue), r => r with { CategoryCode = "9901" } },
        { "categoryCode", nameof(CategoryMustBeInCatalogue), r => r with { CategoryCode = "02 " } },
        { "gridId", nameof(ValueIsRequired), r => r with { GridId = null! } },
        { "location", nameof(ValueIsRequired), r => r with { Location = null! } },
        { "whistle", nameof(EnumValueMustBeDefined), r => r with { Whistle = default } },
        { "whistle", nameof(EnumValueMustBeDefined), r => r with { Whistle = (WhistleClass)42 } },
        { "handlingMode", nameof(EnumValueMustBeDefined), r => r with { HandlingMode = default } },
        { "reporterId", nameof(IdIsRequired), r => r with { ReporterId = Guid.Empty } },
        { "evidenceRefs", nameof(EvidenceRefsMustNotExceedMaxCount), r => r with { EvidenceRefs = Enumerable.Repeat(Evidence.Photo, 21).ToList() } },
        { "evidenceRefs[1]", nameof(TextIsRequired), r => r with { EvidenceRefs = [Evidence.Photo, ""] } },
        { "evidenceRefs[0]", nameof(TextMustNotExceedMaxLength), r => r with { EvidenceRefs = ["https://e.example/" + new string('x', 495)] } },
        { "evidenceRefs[0]", nameof(EvidenceRefMustBeUrlOrHash), r => r with { EvidenceRefs = ["photo.jpg"] } },
        { "dueAt", nameof(DeadlineMustFollowReport), r => r with { DueAt = Moments.T0 } },
        { "dueAt", nameof(DeadlineMustFollowReport), r => r with { DueAt = Moments.Hours(-1) } },
    };

    [Theory]
    [MemberData(nameof(InvalidReports))]
    public void Report_InvalidField_ThrowsValidationNamingTheField(string field, string rule, Func<CaseReport, CaseReport> spoil)
    {
        var report = spoil(new CaseBuilder().BuildReport());

        var error = DomainAssert.RejectsInput(field, () => Case.Report(report, CategoryCatalogue.Default, Moments.T0));

        Assert.Equal(rule, error.Rule);
    }

    [Fact]
    public void Report_FieldsAtTheirLimits_AreAccepted()
    {
        var report = new CaseBuilder().With(r => r with
        {
            Number = new string('9', CaseLimits.NumberMaxLength),
            RequestId = new string('r', CaseLimits.RequestIdMaxLength),
            Title = new string('t', 200),
            Description = new string('d', 4_000),
            EvidenceRefs = Enumerable.Range(0, 20).Select(i => $"https://e.example/{i}.jpg").ToList(),
        }).BuildReport();

        var reported = Case.Report(report, CategoryCatalogue.Default, Moments.T0);

        Assert.Equal(20, reported.EvidenceRefs.Count);
        Assert.Equal(200, reported.Title.Length);
    }

    [Fact]
    public void Report_EvidenceRefOf512Characters_IsAccepted()
    {
        var longest = "https://e.example/" + new string('x', 512 - 18);

        var reported = new CaseBuilder().With(r => r with { EvidenceRefs = [longest] }).Build();

        Assert.Equal(512, Assert.Single(reported.EvidenceRefs).Length);
    }

    [Fact]
    public void Report_WithCustomCatalogue_ChecksCategoryAgainstIt()
    {
        var catalogue = CategoryCatalogue.FromJson("""{ "categories": [ { "code": "42", "name": "Answers" } ] }""");
        var report = new CaseBuilder().With(r => r with { CategoryCode = "42" }).BuildReport();

        Assert.Equal("42", Case.Report(report, catalogue, Moments.T0).CategoryCode);
        DomainAssert.RejectsInput("categoryCode", () => Case.Report(report with { CategoryCode = "0204" }, catalogue, Moments.T0));
    }
}
