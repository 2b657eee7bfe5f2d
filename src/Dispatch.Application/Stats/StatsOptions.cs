namespace Dispatch.Application.Stats;

/// <summary>The <c>Stats:*</c> settings.</summary>
public sealed class StatsOptions
{
    /// <summary>The time zone whose midnights start a report's days (an IANA id such as <c>Asia/Shanghai</c>).</summary>
    public string TimeZone { get; set; } = "UTC";
}
