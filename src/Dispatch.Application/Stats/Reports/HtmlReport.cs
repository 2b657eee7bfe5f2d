using System.Globalization;
using System.Net;
using System.Text;
using Dispatch.Domain.Evaluation;

namespace Dispatch.Application.Stats.Reports;

/// <summary>
/// The report as one self-contained HTML page: inline style, inline SVG charts, no script and no external
/// reference of any kind. Every text from data (node, unit names, ids) is HTML-escaped.
/// </summary>
internal static class HtmlReport
{
    private const string Style =
        "body{font-family:sans-serif;margin:2em;color:#222}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}" +
        "table{border-collapse:collapse;font-size:.85em}th,td{border:1px solid #ccc;padding:3px 6px;text-align:right}" +
        "th:nth-child(-n+2),td:nth-child(-n+2){text-align:left}svg{display:block;margin:1em 0;font-size:12px}" +
        ".bar{fill:#3b7dd8}.caption{font-weight:bold}.axis{font-size:10px}dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}";

    private static readonly (string Header, Func<UnitTally, string> Value)[] Columns =
    [
        ("Reported", t => Count(t.Reported)),
        ("Registered", t => Count(t.Registered)),
        ("Close rate", t => ReportColumns.Percent(t.CloseRate)),
        ("Due", t => Count(t.DueInPeriod)),
        ("Deferred", t => Count(t.Deferred)),
        ("Closed on time", t => Count(t.ClosedOnTime)),
        ("On-time close rate", t => ReportColumns.Percent(t.OnTimeCloseRate)),
        ("Closed", t => Count(t.Closed)),
        ("Mean time to close", t => t.Closed == 0 ? "-" : ReportColumns.Duration(t.MeanTimeToCloseSeconds)),
        ("Rework", t => Count(t.ReworkCount)),
        ("Overdue", t => Count(t.OverdueCount)),
        ("Supervised", t => Count(t.SupervisionCount)),
        ("Satisfaction", t => t.Rated == 0 ? "-" : t.MeanSatisfaction.ToString("0.00", CultureInfo.InvariantCulture)),
    ];

    public static byte[] Render(NodeReport report, DateTimeOffset generatedAt)
    {
        var title = $"{report.Title}: {report.NodeName}, {report.Days}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>").Append(Escape(title)).Append("</title>");
        html.Append("<style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>").Append(Escape(report.Title)).Append("</h1>");
        html.Append("<dl><dt>Node</dt><dd>").Append(Escape($"{report.NodeName} ({report.NodeId})")).Append("</dd>");
        html.Append("<dt>Period</dt><dd>").Append(Escape($"{report.Days} ({report.TimeZone}): {Instant(report.Period.From)} to {Instant(report.Period.To)}, end excluded")).Append("</dd>");
        html.Append("<dt>Generated</dt><dd>").Append(Escape(Instant(generatedAt))).Append("</dd></dl>");

        html.Append("<h2>Totals</h2>");
        Table(html, "Node", [(report.NodeId, report.NodeName, report.Totals)], escalations: true);
        html.Append(SvgBarChart.Vertical(
            report.Period.Kind == ReportKind.Daily ? "Cases reported per hour" : "Cases reported per day", report.ReportedOverTime));

        var departments = report.Units[UnitKind.Department];
        if (departments.Count > 0)
        {
            html.Append(SvgBarChart.Horizontal(
                "On-time close rate per department",
                [.. departments.Select(d => (d.Name, d.Tally.OnTimeCloseRate, d.Tally.OnTimeDenominator == 0 ? "n/a" : ReportColumns.Percent(d.Tally.OnTimeCloseRate)))],
                max: 1));
        }

        foreach (var kind in UnitDimensions.All)
        {
            html.Append("<h2>").Append(Heading(kind)).Append("</h2>");
            var units = report.Units[kind];
            if (units.Count == 0)
            {
                html.Append("<p>No activity in the period.</p>");
                continue;
            }

            Table(html, Heading(kind), [.. units.Select(u => (u.Id, u.Name, u.Tally))], escalations: kind == UnitKind.ChildNode);
        }

        html.Append("<p>Formulas: on-time close rate = closed on time / (due in the period - deferred); close rate = ")
            .Append("cases reported in the period and closed before its end / those of them neither rejected nor merged; ")
            .Append("a rate over nothing is shown as 0.</p></body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void Table(StringBuilder html, string unitHeader, IReadOnlyList<(string Id, string Name, UnitTally Tally)> rows, bool escalations)
    {
        html.Append("<table><thead><tr><th>").Append(Escape(unitHeader)).Append("</th><th>Id</th>");
        foreach (var (header, _) in Columns)
        {
            html.Append("<th>").Append(Escape(header)).Append("</th>");
        }

        if (escalations)
        {
            html.Append("<th>Escalations received</th><th>Returned</th><th>Returned share</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var (id, name, tally) in rows)
        {
            html.Append("<tr><td>").Append(Escape(name)).Append("</td><td>").Append(Escape(id)).Append("</td>");
            foreach (var (_, value) in Columns)
            {
                html.Append("<td>").Append(Escape(value(tally))).Append("</td>");
            }

            if (escalations)
            {
                html.Append("<td>").Append(Count(tally.EscalationsReceived)).Append("</td><td>").Append(Count(tally.EscalationsReturned))
                    .Append("</td><td>").Append(Escape(ReportColumns.Percent(tally.ReturnedShare))).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string Heading(UnitKind kind) => kind switch
    {
        UnitKind.Department => "Departments",
        UnitKind.GridWorker => "Grid workers",
        UnitKind.Grid => "Grids",
        _ => "Child nodes",
    };

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
