using Dispatch.Application.Deadlines;
using Dispatch.Domain.Cases;
using Microsoft.Extensions.Configuration;

namespace Dispatch.Node.Tests.Deadlines;

/// <summary>The <c>Deadlines:*</c> settings as an operator writes them, bound and turned into the policy.</summary>
public sealed class DeadlineOptionsTests
{
    private static readonly DateTimeOffset FridayNoon = new(2026, 11, 27, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Defaults_AreTheNationalLimits()
    {
        var policy = Bind([]).ToPolicy();

        Assert.Equal(FridayNoon.AddHours(2), policy.For(WhistleClass.Emergency, "0201", FridayNoon).DueAt);
        Assert.Equal(FridayNoon.AddHours(24), policy.For(WhistleClass.Daily, "0201", FridayNoon).DueAt);
        Assert.Equal(FridayNoon.AddDays(7), policy.For(WhistleClass.Tough, "0201", FridayNoon).DueAt);
        Assert.Equal(TimeSpan.FromHours(24), policy.SupervisionLimit);
        Assert.Equal(TimeSpan.FromMinutes(30), policy.SummonsLimit);
    }

    [Fact]
    public void DemoProfile_CountsInMinutes()
    {
        var policy = Bind(new() { ["Deadlines:Profile"] = "Demo" }).ToPolicy();

        Assert.Equal(FridayNoon.AddMinutes(5), policy.For(WhistleClass.Daily, "0201", FridayNoon).DueAt);
        Assert.Equal(FridayNoon.AddMinutes(3.75), policy.For(WhistleClass.Daily, "0201", FridayNoon).RemindAt);
        Assert.Equal(TimeSpan.FromMinutes(5), policy.SupervisionLimit);
    }

    [Fact]
    public void CategoryOnAWorkingCalendarWithAHoliday_CountsOnlyWorkingTime()
    {
        var policy = Bind(new()
        {
            ["Deadlines:Calendars:office:UtcOffset"] = "08:00:00",
            ["Deadlines:Calendars:office:DayStart"] = "09:00",
            ["Deadlines:Calendars:office:DayEnd"] = "17:00",
            ["Deadlines:Calendars:office:Holidays:0"] = "2026-11-30",
            ["Deadlines:Categories:03:Limit"] = "08:00:00",
            ["Deadlines:Categories:03:Calendar"] = "office",
            ["Deadlines:ReminderShare"] = "0.5",
        }).ToPolicy();

        // 5 h on Friday; Monday is a holiday; 3 h on Tuesday. The reminder after 4 h of work: Friday 16:00.
        var deadline = policy.For(WhistleClass.Daily, "0305", FridayNoon);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.FromHours(8)), deadline.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.FromHours(8)), deadline.RemindAt);
        Assert.Equal(FridayNoon.AddHours(24), policy.For(WhistleClass.Daily, "0201", FridayNoon).DueAt);
    }

    [Theory]
    [InlineData("Deadlines:Profile", "Fast", "Deadlines:Profile")]
    [InlineData("Deadlines:ReminderShare", "1.5", "reminder share")]
    [InlineData("Deadlines:Daily", "-01:00:00", "Daily")]
    [InlineData("Deadlines:WhistleCalendars:Daily", "nowhere", "nowhere")]
    public void BadSetting_StopsTheNodeWithAMessageNamingIt(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Bind(new() { [key] = value }).ToPolicy());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CalendarEndingBeforeItStarts_StopsTheNodeWithAMessageNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Bind(new()
        {
            ["Deadlines:Calendars:night:DayStart"] = "18:00",
            ["Deadlines:Calendars:night:DayEnd"] = "08:00",
        }).ToPolicy());

        Assert.Contains("Deadlines:Calendars:night", error.Message, StringComparison.Ordinal);
    }

    private static DeadlineOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new DeadlineOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Deadlines").Bind(options);
        return options;
    }
}
