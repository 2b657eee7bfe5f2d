using Dispatch.Domain.Evaluation;

namespace Dispatch.Application.Stats.Reports;

/// <summary>A daily, weekly or monthly report holding <paramref name="Date"/> (YYYY-MM-DD), as CSV or HTML.</summary>
internal sealed record ReportRequest(ReportKind Kind, string Date, ReportFormat Format);
