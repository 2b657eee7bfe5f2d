namespace Dispatch.Domain.Evaluation;

/// <summary>
/// The calendar period a report covers: the local days <see cref="FirstDay"/> to <see cref="LastDay"/> in
/// a time zone, and the instants [<see cref="From"/>, <see cref="To"/>) they span.
/// </summary>
public sealed record ReportPeriod(ReportKind Kind, DateOnly FirstDay, DateOnly LastDay, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The day, the week (weeks start on Monday) or the month holding <paramref name="date"/>.</summary>
    public static ReportPeriod Holding(ReportKind kind, DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var (first, last) = kind switch
        {
            ReportKind.Daily => (date, date),
            ReportKind.Weekly => WeekOf(date),
            ReportKind.Monthly => (new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month))),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown report kind."),
        };
        return new ReportPeriod(kind, first, last, StartOf(first, zone), StartOf(last.AddDays(1), zone));
    }

    /// <summary>The local days of the period, each with the instants it spans.</summary>
    public IEnumerable<(DateOnly Day, DateTimeOffset From, DateTimeOffset To)> Days(TimeZoneInfo zone)
    {
        for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
        {
            yield return (day, StartOf(day, zone), StartOf(day.AddDays(1), zone));
        }
    }

    /// <summary>Midnight of <paramref name="day"/> in <paramref name="zone"/>, as a UTC instant.</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // A midnight skipped by a clock change starts the day at the first valid local time after it.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static (DateOnly First, DateOnly Last) WeekOf(DateOnly date)
    {
        var sinceMonday = ((int)date.DayOfWeek + 6) % 7;
        var monday = date.AddDays(-sinceMonday);
        return (monday, monday.AddDays(6));
    }
}
