using Dispatch.Domain.Cases;
using Dispatch.Domain.Deadlines;

namespace Dispatch.Application.Deadlines;

/// <summary>
/// The <c>Deadlines:*</c> settings: the node's deadline policy. Times are <c>TimeSpan</c> text
/// ("02:00:00", "7.00:00:00"). <see cref="Profile"/> <c>Demo</c> swaps hours for minutes so the whole loop
/// (reminder, breach, supervision) can be watched in a few minutes on the local platform.
/// </summary>
public sealed class DeadlineOptions
{
    /// <summary>Off: cases get no deadline and the scheduler does not run.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Standard</c> (the national defaults) or <c>Demo</c> (minutes: 2 / 5 / 15, supervision 5, summons 2).</summary>
    public string Profile { get; set; } = "Standard";

    public TimeSpan? Emergency { get; set; }

    public TimeSpan? Daily { get; set; }

    public TimeSpan? Tough { get; set; }

    /// <summary>The calendar (a name in <see cref="Calendars"/>) each whistle class counts on; elapsed time when absent.</summary>
    public Dictionary<string, string> WhistleCalendars { get; set; } = [];

    /// <summary>Rules by category code (leaf or top level), overriding the whistle class.</summary>
    public Dictionary<string, CategoryDeadlineOptions> Categories { get; set; } = [];

    public Dictionary<string, CalendarOptions> Calendars { get; set; } = [];

    public double ReminderShare { get; set; } = 0.75;

    public TimeSpan? SupervisionLimit { get; set; }

    public TimeSpan? SummonsLimit { get; set; }

    public bool EscalateOnSupervisionBreach { get; set; } = true;

    /// <summary>
    /// A safety sweep this often, besides the exact triggers (zero: none). In a cluster a replica may commit
    /// a deadline earlier than the one another replica has just scheduled; this bounds how late it can fire.
    /// A single node needs none, so the default applies on PostgreSQL only.
    /// </summary>
    public TimeSpan? SafetySweep { get; set; }

    /// <summary>
    /// A sweep that finds the next alarm this close waits for it and sweeps again, rather than leave it to a new
    /// scheduled job (which starts up to the scheduler's polling interval late): dense deadlines then fire in one
    /// run. Zero: every alarm gets its own job.
    /// </summary>
    public TimeSpan SweepHorizon { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Builds and checks the policy; a bad setting stops the node at start with a message naming it.</summary>
    public DeadlinePolicy ToPolicy()
    {
        var demo = Profile.Equals("Demo", StringComparison.OrdinalIgnoreCase);
        if (!demo && !Profile.Equals("Standard", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Deadlines:Profile '{Profile}' is unknown: use Standard or Demo.");
        }

        var calendars = Calendars.ToDictionary(p => p.Key, p => p.Value.ToCalendar(p.Key), StringComparer.OrdinalIgnoreCase);
        WorkingCalendar? CalendarNamed(string? name, string setting) =>
            name is null ? null
            : calendars.TryGetValue(name, out var calendar) ? calendar
            : throw new InvalidOperationException($"{setting} names calendar '{name}', which is not under Deadlines:Calendars.");
        DeadlineRule Whistle(WhistleClass whistle, TimeSpan? configured, TimeSpan standard, TimeSpan demoLimit) =>
            new(configured ?? (demo ? demoLimit : standard), CalendarNamed(WhistleCalendars.GetValueOrDefault(whistle.ToString()), $"Deadlines:WhistleCalendars:{whistle}"));

        var byWhistle = new Dictionary<WhistleClass, DeadlineRule>
        {
            [WhistleClass.Emergency] = Whistle(WhistleClass.Emergency, Emergency, TimeSpan.FromHours(2), TimeSpan.FromMinutes(2)),
            [WhistleClass.Daily] = Whistle(WhistleClass.Daily, Daily, TimeSpan.FromHours(24), TimeSpan.FromMinutes(5)),
            [WhistleClass.Tough] = Whistle(WhistleClass.Tough, Tough, TimeSpan.FromDays(7), TimeSpan.FromMinutes(15)),
        };
        var byCategory = Categories.ToDictionary(
            p => p.Key,
            p => new DeadlineRule(p.Value.Limit, CalendarNamed(p.Value.Calendar, $"Deadlines:Categories:{p.Key}:Calendar")));
        try
        {
            return new DeadlinePolicy(
                byWhistle,
                byCategory,
                ReminderShare,
                SupervisionLimit ?? (demo ? TimeSpan.FromMinutes(5) : null),
                SummonsLimit ?? (demo ? TimeSpan.FromMinutes(2) : null),
                EscalateOnSupervisionBreach);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"Deadlines settings are invalid: {ex.Message}", ex);
        }
    }
}

public sealed class CategoryDeadlineOptions
{
    public TimeSpan Limit { get; set; }

    public string? Calendar { get; set; }
}

/// <summary>A working calendar: <c>UtcOffset</c> "08:00:00", <c>DayStart</c> "09:00", <c>DayEnd</c> "17:00", days, holidays.</summary>
public sealed class CalendarOptions
{
    public TimeSpan UtcOffset { get; set; }

    public TimeOnly DayStart { get; set; } = new(9, 0);

    public TimeOnly DayEnd { get; set; } = new(17, 0);

    public List<DayOfWeek> WorkingDays { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public List<DateOnly> Holidays { get; set; } = [];

    public List<DateOnly> ExtraWorkingDays { get; set; } = [];

    public WorkingCalendar ToCalendar(string name)
    {
        try
        {
            return new WorkingCalendar(name, UtcOffset, DayStart, DayEnd, WorkingDays, Holidays, ExtraWorkingDays);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"Deadlines:Calendars:{name} is invalid: {ex.Message}", ex);
        }
    }
}
