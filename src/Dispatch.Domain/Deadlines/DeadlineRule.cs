namespace Dispatch.Domain.Deadlines;

/// <summary>How long a case may take: elapsed time, or working time on a named calendar.</summary>
public sealed record DeadlineRule(TimeSpan Limit, WorkingCalendar? Calendar = null)
{
    /// <summary>When <paramref name="share"/> of the limit has passed since <paramref name="start"/>.</summary>
    public DateTimeOffset After(DateTimeOffset start, double share = 1.0)
    {
        var amount = TimeSpan.FromTicks((long)(Limit.Ticks * share));
        return Calendar is null ? start + amount : Calendar.Add(start, amount);
    }
}
