using System.Globalization;
using Dispatch.Domain.Evaluation;

namespace Dispatch.Application.Stats.Reports;

/// <summary>A rendered report: its bytes, their media type, a file name to save them under, and the period covered.</summary>
internal sealed record ReportFile(byte[] Content, string ContentType, string FileName, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The report rendered in <paramref name="format"/>; the HTML page says it was generated at <paramref name="generatedAt"/>.</summary>
    public static ReportFile Render(NodeReport report, ReportFormat format, DateTimeOffset generatedAt) =>
        Of(report.Period, format, format == ReportFormat.Csv ? CsvReport.Render(report) : HtmlReport.Render(report, generatedAt));

    /// <summary>Rendered <paramref name="content"/> of the report of <paramref name="period"/>, with its media type and file name.</summary>
    public static ReportFile Of(ReportPeriod period, ReportFormat format, byte[] content) =>
        new(content, ContentTypeOf(format), NameOf(period.Kind, period.FirstDay, format), period.From, period.To);

    public static string ContentTypeOf(ReportFormat format) =>
        format == ReportFormat.Csv ? "text/csv; charset=utf-8" : "text/html; charset=utf-8";

    /// <summary>For example <c>dispatch-weekly-2026-11-23.csv</c>: the kind and the period's first day.</summary>
    public static string NameOf(ReportKind kind, DateOnly firstDay, ReportFormat format) =>
        $"dispatch-{kind.ToString().ToLowerInvariant()}-{firstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{(format == ReportFormat.Csv ? "csv" : "html")}";
}
