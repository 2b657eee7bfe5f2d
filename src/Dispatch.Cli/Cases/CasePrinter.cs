using System.Globalization;
using Dispatch.Cli.App;
using Dispatch.Cli.Output;
using Dispatch.Cli.Texts;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli.Cases;

/// <summary>Cases for people: a one-line summary, a table of many, and the details with the timeline.</summary>
internal static class CasePrinter
{
    public static void Summary(CommandRun run, Case c) =>
        run.Line($"{c.Number}  {Names.Of(run, c.Status)}  v{c.Version}  {c.GridId}  {c.CategoryCode}  {Names.Of(run, c.Whistle)}  {c.Title}");

    public static void List(CommandRun run, IEnumerable<Case> cases)
    {
        var table = new Table(
            run.T(CaseTexts.NumberHeader), run.T(CaseTexts.StatusHeader), run.T(CaseTexts.GridHeader), run.T(CaseTexts.CategoryHeader),
            run.T(CaseTexts.WhistleHeader), run.T(CaseTexts.DueHeader), run.T(CaseTexts.OriginHeader), run.T(CaseTexts.TitleHeader));
        foreach (var c in cases)
        {
            table.Add(c.Number, Names.Of(run, c.Status), c.GridId, c.CategoryCode, Names.Of(run, c.Whistle), Due(run, c), Origin(c), c.Title);
        }

        table.Write(run.Out);
    }

    public static void Details(CommandRun run, Case c)
    {
        run.Line($"{c.Number}  {c.Title}");
        var facts = new Table("", "");
        facts.Add(run.T(CaseTexts.StatusLabel), $"{Names.Of(run, c.Status)}  v{c.Version}");
        facts.Add(run.T(CaseTexts.IdLabel), c.Id);
        facts.Add(run.T(CaseTexts.ClassLabel), $"{c.CategoryCode}  {Names.Of(run, c.Whistle)}  {c.HandlingMode}");
        facts.Add(run.T(CaseTexts.WhereLabel), string.Create(CultureInfo.InvariantCulture, $"{c.GridId}  {c.Location?.Address} ({c.Location?.Latitude}, {c.Location?.Longitude})"));
        facts.Add(run.T(CaseTexts.ReporterLabel), $"{c.ReporterId}  {run.Local(c.ReportedAt)}");
        AddIf(facts, run.T(CaseTexts.AssigneeLabel), Names.Of(run, c.Assignee));
        AddIf(facts, run.T(CaseTexts.DueLabel), Due(run, c));
        AddIf(facts, run.T(CaseTexts.SuggestedLabel), c.SuggestedDepartmentId.Length > 0 ? run.T(CaseTexts.SuggestedValue, c.SuggestedDepartmentId) : "");
        AddIf(facts, run.T(CaseTexts.SupervisionLabel), c.SupervisionDueAt is null ? "" : run.T(CaseTexts.SupervisionValue, run.Local(c.SupervisionDueAt), c.SupervisionBreached ? "  " + run.T(CaseTexts.OverdueMark) : ""));
        AddIf(facts, run.T(CaseTexts.EscalatedToLabel), c.EscalatedToNodeId.Length > 0 ? run.T(CaseTexts.EscalatedToValue, c.EscalatedToNodeId, c.ParentCaseId, Names.Of(run, c.ParentStatus)) : "");
        AddIf(facts, run.T(CaseTexts.OriginLabel), c.OriginNodeId.Length > 0 ? run.T(CaseTexts.OriginValue, c.OriginNodeId, c.OriginCaseNumber) : "");
        AddIf(facts, run.T(CaseTexts.MergedLabel), c.MergedIntoCaseId);
        AddIf(facts, run.T(CaseTexts.EvidenceLabel), string.Join("  ", c.EvidenceRefs));
        AddIf(facts, run.T(CaseTexts.RatingLabel), c.Satisfaction > 0 ? $"{c.Satisfaction}/5" : "");
        facts.WriteRows(run.Out, indent: "  ");

        if (c.History.Count == 0)
        {
            return;
        }

        run.Line();
        run.Line(run.T(CaseTexts.TimelineTitle));
        var timeline = new Table("#", run.T(CaseTexts.TimeHeader), run.T(CaseTexts.EventHeader), run.T(CaseTexts.ChangeHeader), run.T(CaseTexts.ActorHeader), run.T(CaseTexts.NoteHeader));
        foreach (var e in c.History)
        {
            var change = e.FromStatus == CaseStatus.Unspecified || e.FromStatus == e.ToStatus ? Names.Of(run, e.ToStatus) : $"{Names.Of(run, e.FromStatus)} -> {Names.Of(run, e.ToStatus)}";
            var note = e.EvidenceRefs.Count == 0 ? e.Note : $"{e.Note} [{string.Join(", ", e.EvidenceRefs)}]".TrimStart();
            timeline.Add(e.Sequence.ToString(CultureInfo.InvariantCulture), run.Local(e.At), e.Type, change, e.ActorId, note);
        }

        timeline.Write(run.Out, indent: "  ");
    }

    private static string Due(CommandRun run, Case c) =>
        c.DueAt is null ? "" : run.Local(c.DueAt) + (c.Overdue ? "  " + run.T(CaseTexts.OverdueMark) : "");

    private static string Origin(Case c) => c.OriginNodeId.Length > 0 ? $"{c.OriginNodeId} {c.OriginCaseNumber}" : "";

    private static void AddIf(Table table, string label, string value)
    {
        if (value.Length > 0)
        {
            table.Add(label, value);
        }
    }
}
