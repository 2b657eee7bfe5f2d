namespace Dispatch.Domain.Deadlines;

/// <summary>
/// Working time: working days of the week, one working span per day, holidays off and make-up working days
/// on, all in the calendar's local time (a fixed UTC offset). Some limits of the national rules count in
/// working hours or working days; a deadline counted on a calendar only advances inside working spans.
/// </summary>
public sealed class WorkingCalendar
{
    public WorkingCalendar(
        string name,
        TimeSpan utcOffset,
        TimeOnly dayStart,
        TimeOnly dayEnd,
        IEnumerable<DayOfWeek> workingDays,
        IEnumerable<DateOnly>? holidays = null,
        IEnumerable<DateOnly>? extraWorkingDays = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (dayEnd <= dayStart)
        {
            throw new ArgumentException($"Calendar '{name}': the working day must end after it starts ({dayStart}-{dayEnd}).", nameof(dayEnd));
        }

        Name = name;
        UtcOffset = utcOffset;
        DayStart = dayStart;
        DayEnd = dayEnd;
        WorkingDays = workingDays.ToHashSet();
        Holidays = (holidays ?? []).ToHashSet();
        ExtraWorkingDays = (extraWorkingDays ?? []).ToHashSet();
        if (WorkingDays.Count == 0 && ExtraWorkingDays.Count == 0)
        {
            throw new ArgumentException($"Calendar '{name}' has no working day.", nameof(workingDays));
        }
    }

    public string Name { get; }

    public TimeSpan UtcOffset { get; }

    public TimeOnly DayStart { get; }

    public TimeOnly DayEnd { get; }

    public IReadOnlySet<DayOfWeek> WorkingDays { get; }

    public IReadOnlySet<DateOnly> Holidays { get; }

    /// <summary>Days worked although they fall on a weekend (make-up days for a long holiday).</summary>
    public IReadOnlySet<DateOnly> ExtraWorkingDays { get; }

    /// <summary>Monday to Friday, 09:00-17:00 at the given offset, no holidays.</summary>
    public static WorkingCalendar Weekdays(string name, TimeSpan utcOffset) =>
        new(name, utcOffset, new TimeOnly(9, 0), new TimeOnly(17, 0), [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

    public bool IsWorkingDay(DateOnly day) =>
        ExtraWorkingDays.Contains(day) || (WorkingDays.Contains(day.DayOfWeek) && !Holidays.Contains(day));

    /// <summary>
    /// The instant at which <paramref name="workingTime"/> of working time has passed since
    /// <paramref name="start"/>. Time outside working spans does not count; a start outside a span counts from
    /// the next span's beginning; an amount that ends exactly at a span's end ends there.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        var local = start.ToOffset(UtcOffset);
        var day = DateOnly.FromDateTime(local.DateTime);
        var timeOfDay = TimeOnly.FromDateTime(local.DateTime);
        var left = workingTime;

        // A year of calendar days without a working one means a broken calendar, not a long wait.
        for (var guard = 0; guard < 3660; guard++)
        {
            if (IsWorkingDay(day) && timeOfDay < DayEnd)
            {
                var from = timeOfDay < DayStart ? DayStart : timeOfDay;
                var available = DayEnd - from;
                if (left <= available)
                {
                    return At(day, from) + left;
                }

                left -= available;
            }

            day = day.AddDays(1);
            timeOfDay = TimeOnly.MinValue;
        }

        throw new InvalidOperationException($"Calendar '{Name}' has no working time in ten years after {start:O}.");
    }

    private DateTimeOffset At(DateOnly day, TimeOnly time) =>
        new DateTimeOffset(day.ToDateTime(time), UtcOffset).ToUniversalTime();
}
