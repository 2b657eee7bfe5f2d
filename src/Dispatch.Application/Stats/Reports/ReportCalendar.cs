using Dispatch.Domain.Evaluation;
using Microsoft.Extensions.Options;

namespace Dispatch.Application.Stats.Reports;

/// <summary>The node's report calendar: the time zone whose midnights start its days (<c>Stats:TimeZone</c>) and the periods in it.</summary>
internal sealed class ReportCalendar(IOptions<StatsOptions> stats)
{
    /// <summary>The zone's IANA id, as configured.</summary>
    public string TimeZoneId { get; } = stats.Value.TimeZone;

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(stats.Value.TimeZone);

    /// <summary>The day, week or month holding <paramref name="date"/>.</summary>
    public ReportPeriod Holding(ReportKind kind, DateOnly date) => ReportPeriod.Holding(kind, date, Zone);

    /// <summary>The local day holding the instant <paramref name="at"/>.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>The period of <paramref name="kind"/> running at <paramref name="now"/> (it has started: its first midnight is not after now).</summary>
    public ReportPeriod Current(ReportKind kind, DateTimeOffset now) => Holding(kind, DayOf(now));

    /// <summary>The completed periods of <paramref name="kind"/> at <paramref name="now"/>, the most recent first, <paramref name="count"/> of them.</summary>
    public IEnumerable<ReportPeriod> Completed(ReportKind kind, DateTimeOffset now, int count)
    {
        var period = Current(kind, now);
        for (var i = 0; i < count; i++)
        {
            period = Holding(kind, period.FirstDay.AddDays(-1));
            yield return period;
        }
    }

    /// <summary>The local days of a period, e.g. <c>2026-11-23 to 2026-11-29</c>.</summary>
    public static string DaysOf(ReportPeriod period) => period.FirstDay == period.LastDay
        ? period.FirstDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : $"{period.FirstDay:yyyy-MM-dd} to {period.LastDay:yyyy-MM-dd}";
}
