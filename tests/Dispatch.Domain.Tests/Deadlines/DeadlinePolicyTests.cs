using Dispatch.Domain.Cases;
using Dispatch.Domain.Deadlines;

namespace Dispatch.Domain.Tests.Deadlines;

public sealed class DeadlinePolicyTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(WhistleClass.Emergency, 2)]
    [InlineData(WhistleClass.Daily, 24)]
    [InlineData(WhistleClass.Tough, 168)]
    public void Default_GivesTheLimitOfTheWhistleClass_WithTheReminderAtThreeQuarters(WhistleClass whistle, double hours)
    {
        var deadline = DeadlinePolicy.Default.For(whistle, "0201", Start);

        Assert.Equal(Start.AddHours(hours), deadline.DueAt);
        Assert.Equal(Start.AddHours(hours * 0.75), deadline.RemindAt);
    }

    [Fact]
    public void For_LeafCategoryRule_WinsOverTopLevelAndWhistle()
    {
        var policy = Policy(new Dictionary<string, DeadlineRule>
        {
            ["02"] = new(TimeSpan.FromHours(12)),
            ["0201"] = new(TimeSpan.FromHours(4)),
        });

        Assert.Equal(Start.AddHours(4), policy.For(WhistleClass.Daily, "0201", Start).DueAt);
        Assert.Equal(Start.AddHours(12), policy.For(WhistleClass.Daily, "0202", Start).DueAt);
        Assert.Equal(Start.AddHours(24), policy.For(WhistleClass.Daily, "0301", Start).DueAt);
    }

    [Fact]
    public void For_RuleOnACalendar_CountsWorkingTimeForDeadlineAndReminder()
    {
        var calendar = WorkingCalendar.Weekdays("office", TimeSpan.Zero);
        var policy = Policy(new Dictionary<string, DeadlineRule> { ["03"] = new(TimeSpan.FromHours(8), calendar) });
        var fridayNoon = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

        var deadline = policy.For(WhistleClass.Daily, "0301", fridayNoon);

        // 5 h on Friday, 3 h on Monday; the reminder after 6 h of work: Monday 10:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), deadline.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), deadline.RemindAt);
    }

    [Fact]
    public void Constructor_MissingWhistleClass_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new DeadlinePolicy(new Dictionary<WhistleClass, DeadlineRule> { [WhistleClass.Daily] = new(TimeSpan.FromHours(1)) }));

        Assert.Contains("no rule for whistle class", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    public void Constructor_ReminderShareOutsideZeroToOne_IsRejected(double share)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeadlinePolicy(DeadlinePolicy.Default.ByWhistle, reminderShare: share));
    }

    [Fact]
    public void Constructor_NonPositiveLimit_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Policy(new Dictionary<string, DeadlineRule> { ["02"] = new(TimeSpan.Zero) }));
    }

    private static DeadlinePolicy Policy(Dictionary<string, DeadlineRule> byCategory) =>
        new(DeadlinePolicy.Default.ByWhistle, byCategory);
}
