using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Common;
using Dispatch.Domain.Common.Rules;

namespace Dispatch.Domain.Cases;

/// <summary>Validation of the arguments of <see cref="Case"/>'s methods, done before anything changes.</summary>
internal static class CaseInput
{
    public static void Actor(Guid actorId) => Check.Input(new IdIsRequired("actorId", actorId));

    public static void OptionalNote(string field, string? note) =>
        Check.OptionalText(field, note, CaseLimits.NoteMaxLength);

    public static void RequiredNote(string field, string? note) =>
        Check.RequiredText(field, note, CaseLimits.NoteMaxLength);

    public static void EvidenceRefs(IReadOnlyList<string>? evidenceRefs)
    {
        const string field = "evidenceRefs";
        if (evidenceRefs is null)
        {
            return;
        }

        Check.Input(new EvidenceRefsMustNotExceedMaxCount(field, evidenceRefs.Count));
        for (var i = 0; i < evidenceRefs.Count; i++)
        {
            var item = $"{field}[{i}]";
            Check.RequiredText(item, evidenceRefs[i], CaseLimits.EvidenceRefMaxLength);
            Check.Input(new EvidenceRefMustBeUrlOrHash(item, evidenceRefs[i]));
        }
    }

    public static void Report(CaseReport report, CategoryCatalogue catalogue, DateTimeOffset now)
    {
        Check.Input(new IdIsRequired("id", report.Id));
        Check.RequiredText("number", report.Number, CaseLimits.NumberMaxLength);
        Check.RequiredText("requestId", report.RequestId, CaseLimits.RequestIdMaxLength);
        Check.RequiredText("title", report.Title, CaseLimits.TitleMaxLength);
        Check.OptionalText("description", report.Description, CaseLimits.DescriptionMaxLength);
        Check.Input(new TextIsRequired("categoryCode", report.CategoryCode));
        Check.Input(new CategoryMustBeInCatalogue("categoryCode", report.CategoryCode, catalogue));
        Check.Input(new ValueIsRequired("gridId", report.GridId));
        Check.Input(new ValueIsRequired("location", report.Location));
        Check.Input(new EnumValueMustBeDefined("whistle", report.Whistle));
        Check.Input(new EnumValueMustBeDefined("handlingMode", report.HandlingMode));
        Check.Input(new IdIsRequired("reporterId", report.ReporterId));
        EvidenceRefs(report.EvidenceRefs);
        Check.Input(new DeadlineMustFollowReport(report.DueAt, now));
    }
}
