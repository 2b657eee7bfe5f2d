using System.Globalization;

namespace Dispatch.Node.Dashboard.Shared;

/// <summary>Instants as the dashboard shows them: in the node's report time zone, to the minute.</summary>
internal static class NodeTime
{
    public static string Format(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
