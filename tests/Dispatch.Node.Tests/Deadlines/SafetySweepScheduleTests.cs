using Dispatch.Node.Deadlines;

namespace Dispatch.Node.Tests.Deadlines;

/// <summary>Deadlines:SafetySweep as a Hangfire cron (seconds field): intervals that divide a minute, an hour or a day.</summary>
public sealed class SafetySweepScheduleTests
{
    [Theory]
    [InlineData("00:00:01", "*/1 * * * * *")]
    [InlineData("00:00:30", "*/30 * * * * *")]
    [InlineData("00:05:00", "0 */5 * * * *")]
    [InlineData("02:00:00", "0 0 */2 * * *")]
    public void CronEvery_IntervalThatDividesItsUnit_IsCron(string every, string cron) =>
        Assert.Equal(cron, SafetySweepSchedule.CronEvery(TimeSpan.Parse(every, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("00:00:00.500")]
    [InlineData("00:00:07")]
    [InlineData("00:07:00")]
    [InlineData("05:00:00")]
    [InlineData("2.00:00:00")]
    public void CronEvery_OtherIntervals_RefusedNamingTheSetting(string every)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => SafetySweepSchedule.CronEvery(TimeSpan.Parse(every, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("Deadlines:SafetySweep", refused.Message, StringComparison.Ordinal);
    }
}
