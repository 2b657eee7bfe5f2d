using System.Globalization;
using Dispatch.Application.Common;
using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Domain.Evaluation;
using Microsoft.Extensions.Options;

namespace Dispatch.Application.Stats.Reports;

/// <summary>Builds the daily, weekly and monthly reports (日简报 / 周调度 / 月通报) from the evaluation of every kind of unit.</summary>
internal sealed class StatsReports(EvaluationQueries queries, NodeSettings node, IOptions<StatsOptions> stats, TimeProvider clock)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(stats.Value.TimeZone);

    /// <summary>The report use case: the caller may read reports, and the request names a kind, a date and a format.</summary>
    public Task<ReportFile> BuildAsync(CallerIdentity caller, ReportRequest request, CancellationToken cancellationToken)
    {
        StatsPermissions.EnsureCanEvaluate(caller);
        if (!Enum.IsDefined(request.Kind))
        {
            throw new InvalidRequestException("kind", "must be DAILY, WEEKLY or MONTHLY.");
        }

        if (!DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new InvalidRequestException("date", request.Date.Length == 0 ? "is required (YYYY-MM-DD)." : $"'{Shorten(request.Date)}' is not a date (YYYY-MM-DD).");
        }

        if (!Enum.IsDefined(request.Format))
        {
            throw new InvalidRequestException("format", "must be CSV or HTML.");
        }

        return BuildAsync(caller, request.Kind, date, request.Format, cancellationToken);
    }

    public async Task<ReportFile> BuildAsync(CallerIdentity caller, ReportKind kind, DateOnly date, ReportFormat format, CancellationToken cancellationToken)
    {
        StatsPermissions.EnsureCanEvaluate(caller);
        var period = ReportPeriod.Holding(kind, date, _zone);
        var units = await queries.EvaluateAllAsync(caller, EvaluationPeriod.Create(period.From, period.To), cancellationToken);
        var buckets = Buckets(period);
        var counts = await queries.CountReportedAsync([.. buckets.Select(b => (b.From, b.To))], cancellationToken);
        var report = new NodeReport(
            node.Id,
            node.Name,
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

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "...";

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
