using Dispatch.Domain.Deadlines;

namespace Dispatch.Domain.Tests.Deadlines;

public sealed class WorkingCalendarTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // Friday 2026-11-27, 15:00 at +08:00.
    private static readonly DateTimeOffset FridayAfternoon = new(2026, 11, 27, 15, 0, 0, Beijing);

    [Fact]
    public void Add_WithinTheWorkingDay_EndsTheSameDay()
    {
        var calendar = WorkingCalendar.Weekdays("office", Beijing);

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 30, 0, Beijing), calendar.Add(FridayAfternoon, TimeSpan.FromMinutes(90)));
    }

    [Fact]
    public void Add_PastTheEndOfFriday_SkipsTheWeekend()
    {
        var calendar = WorkingCalendar.Weekdays("office", Beijing);

        // 2 h left on Friday, 2 h more from Monday 09:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 11, 0, 0, Beijing), calendar.Add(FridayAfternoon, TimeSpan.FromHours(4)));
    }

    [Fact]
    public void Add_ExactlyToTheEndOfTheDay_EndsAtTheEndOfTheDay()
    {
        var calendar = WorkingCalendar.Weekdays("office", Beijing);

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 17, 0, 0, Beijing), calendar.Add(FridayAfternoon, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Add_StartingAtNight_CountsFromTheNextMorning()
    {
        var calendar = WorkingCalendar.Weekdays("office", Beijing);
        var tuesdayNight = new DateTimeOffset(2026, 11, 24, 22, 0, 0, Beijing);

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, Beijing), calendar.Add(tuesdayNight, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Add_OverAHoliday_SkipsItAndWorksTheMakeUpDay()
    {
        // Monday 30 Nov is a holiday; Saturday 5 Dec is worked instead.
        var calendar = new WorkingCalendar(
            "holidays", Beijing, new TimeOnly(9, 0), new TimeOnly(17, 0),
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            holidays: [new DateOnly(2026, 11, 30)],
            extraWorkingDays: [new DateOnly(2026, 12, 5)]);

        // Friday 2 h + Tue..Fri 4 x 8 h = 34 h; 2 more hours land on the make-up Saturday.
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 11, 0, 0, Beijing), calendar.Add(FridayAfternoon, TimeSpan.FromHours(36)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 30)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 5)));
    }

    [Fact]
    public void Add_ReturnsUtcInstantsThatCompareEqualToLocalOnes()
    {
        var calendar = WorkingCalendar.Weekdays("office", Beijing);

        var end = calendar.Add(FridayAfternoon.ToUniversalTime(), TimeSpan.FromMinutes(30));

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 7, 30, 0, TimeSpan.Zero), end);
    }

    [Fact]
    public void Constructor_DayEndingBeforeItStarts_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new WorkingCalendar("bad", Beijing, new TimeOnly(17, 0), new TimeOnly(9, 0), [DayOfWeek.Monday]));

        Assert.Contains("bad", error.Message);
    }

    [Fact]
    public void Constructor_NoWorkingDay_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar("never", Beijing, new TimeOnly(9, 0), new TimeOnly(17, 0), []));
    }
}
