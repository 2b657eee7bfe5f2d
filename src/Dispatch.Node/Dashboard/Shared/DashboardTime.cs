using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Dispatch.Node.Dashboard.Shared;

/// <summary>Times as the dashboard shows them: in the node's zone, to the minute; spans of time left or overdue.</summary>
internal static class DashboardTime
{
    public const string Format = "yyyy-MM-dd HH:mm";

    public static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>A span in its two largest units ("2d 03h", "4h 05m", "12m 09s"), in the texts' language.</summary>
    public static string Span(TimeSpan span, IStringLocalizer text)
    {
        var s = span.Duration();
        return s.TotalDays >= 1 ? text["{0}d {1}h", (int)s.TotalDays, s.Hours.ToString("00", CultureInfo.InvariantCulture)].Value
            : s.TotalHours >= 1 ? text["{0}h {1}m", s.Hours, s.Minutes.ToString("00", CultureInfo.InvariantCulture)].Value
            : text["{0}m {1}s", s.Minutes, s.Seconds.ToString("00", CultureInfo.InvariantCulture)].Value;
    }
}
