using System.Text;

namespace Dispatch.Application.Stats.Reports;

/// <summary>
/// The report as CSV (RFC 4180, UTF-8 without BOM): a header line, the node's totals (unit_kind NODE), then
/// every unit, kind by kind in report order. Fields holding a comma, quote or line break are quoted.
/// </summary>
internal static class CsvReport
{
    public static byte[] Render(NodeReport report)
    {
        var csv = new StringBuilder();
        Line(csv, ["unit_kind", "unit_id", "unit_name", .. ReportColumns.Figures.Select(f => f.Name)]);
        Line(csv, [ReportColumns.KindName(null), report.NodeId, report.NodeName, .. ReportColumns.Figures.Select(f => f.Value(report.Totals))]);
        foreach (var kind in UnitDimensions.All)
        {
            foreach (var unit in report.Units[kind])
            {
                Line(csv, [ReportColumns.KindName(kind), unit.Id, unit.Name, .. ReportColumns.Figures.Select(f => f.Value(unit.Tally))]);
            }
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(csv.ToString());
    }

    private static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
