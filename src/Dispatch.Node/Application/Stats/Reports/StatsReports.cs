using System.Globalization;
using Dispatch.Domain.Evaluation;
using Dispatch.Node.Hosting;
using Dispatch.Node.Security;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Application.Stats.Reports;

/// <summary>Builds the daily, weekly and monthly reports (日简报 / 周调度 / 月通报) from the evaluation of every kind of unit.</summary>
internal sealed class StatsReports(EvaluationQueries queries, IOptions<NodeOptions> node, IOptions<StatsOptions> stats, TimeProvider clock)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(stats.Value.TimeZone);

    public async Task<ReportFile> BuildAsync(CallerIdentity caller, ReportKind kind, DateOnly date, ReportFormat format, CancellationToken cancellationToken)
    {
        StatsPermissions.EnsureCanEvaluate(caller);
        var period = ReportPeriod.Holding(kind, date, _zone);
        var units = await queries.EvaluateAllAsync(caller, EvaluationPeriod.Create(period.From, period.To), cancellationToken);
        var buckets = Buckets(period);
        var counts = await queries.CountReportedAsync([.. buckets.Select(b => (b.From, b.To))], cancellationToken);
        var report = new NodeReport(
            node.Value.Id,
            node.Value.Name,
            period,
            stats.Value.TimeZone,
            NodeReport.TotalOf(units),
            units,
            [.. buckets.Select((b, i) => (b.Label, counts[i]))]);

        var name = $"dispatch-{kind.ToString().ToLowerInvariant()}-{period.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return format == ReportFormat.Csv
            ? new ReportFile(CsvReport.Render(report), "text/csv; charset=utf-8", name + ".csv", period.From, period.To)
            : new ReportFile(HtmlReport.Render(report, clock.GetUtcNow()), "text/html; charset=utf-8", name + ".html", period.From, period.To);
    }

    /// <summary>The chart's buckets: the hours of a day, or the days of a week or month.</summary>
    private List<(string Label, DateTimeOffset From, DateTimeOffset To)> Buckets(ReportPeriod period)
    {
        if (period.Kind != ReportKind.Daily)
        {
            return [.. period.Days(_zone).Select(d => (d.Day.ToString("MM-dd", CultureInfo.InvariantCulture), d.From, d.To))];
        }

        var hours = new List<(string, DateTimeOffset, DateTimeOffset)>();
        for (var start = period.From; start < period.To; start = start.AddHours(1))
        {
            var end = start.AddHours(1) < period.To ? start.AddHours(1) : period.To;
            hours.Add((TimeZoneInfo.ConvertTime(start, _zone).ToString("HH", CultureInfo.InvariantCulture), start, end));
        }

        return hours;
    }
}
