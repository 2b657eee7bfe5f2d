using System.Globalization;
using Dispatch.Application.Common;
using Dispatch.Application.Security;
using Dispatch.Domain.Evaluation;

namespace Dispatch.Application.Stats.Reports;

/// <summary>Builds the daily, weekly and monthly reports (日简报 / 周调度 / 月通报) from the evaluation of every kind of unit.</summary>
internal sealed class StatsReports(EvaluationQueries queries, NodeSettings node, ReportCalendar calendar, TimeProvider clock)
{
    /// <summary>The report use case: the caller may read reports, and the request names a kind, a date and a format.</summary>
    public async Task<ReportFile> BuildAsync(CallerIdentity caller, ReportRequest request, CancellationToken cancellationToken)
    {
        StatsPermissions.EnsureCan(caller, "GetReport");
        var (kind, date, format) = request.Parse();
        var report = await ComposeAsync(calendar.Holding(kind, date), cancellationToken);
        return ReportFile.Render(report, format, clock.GetUtcNow());
    }

    /// <summary>
    /// The report of <paramref name="period"/>, ready to render, as the node itself sees it: no caller, so callers
    /// must have been checked (<see cref="BuildAsync"/>) or be the node (the bulletin producer).
    /// </summary>
    public async Task<NodeReport> ComposeAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var units = await queries.EvaluateAllAsync(EvaluationPeriod.Create(period.From, period.To), cancellationToken);
        var buckets = Buckets(period);
        var counts = await queries.CountReportedAsync([.. buckets.Select(b => (b.From, b.To))], cancellationToken);
        return new NodeReport(
            node.Id,
            node.Name,
            period,
            calendar.TimeZoneId,
            NodeReport.TotalOf(units),
            units,
            [.. buckets.Select((b, i) => (b.Label, counts[i]))]);
    }

    /// <summary>The chart's buckets: the hours of a day, or the days of a week or month.</summary>
    private List<(string Label, DateTimeOffset From, DateTimeOffset To)> Buckets(ReportPeriod period)
    {
        if (period.Kind != ReportKind.Daily)
        {
            return [.. period.Days(calendar.Zone).Select(d => (d.Day.ToString("MM-dd", CultureInfo.InvariantCulture), d.From, d.To))];
        }

        var hours = new List<(string, DateTimeOffset, DateTimeOffset)>();
        for (var start = period.From; start < period.To; start = start.AddHours(1))
        {
            var end = start.AddHours(1) < period.To ? start.AddHours(1) : period.To;
            hours.Add((TimeZoneInfo.ConvertTime(start, calendar.Zone).ToString("HH", CultureInfo.InvariantCulture), start, end));
        }

        return hours;
    }
}
