using System.Globalization;
using Dispatch.Cli.App;
using Google.Protobuf.WellKnownTypes;

namespace Dispatch.Cli.Output;

/// <summary>Times as people read them: in the tool's local time zone, with its offset.</summary>
internal static class Times
{
    public static string Local(this CommandRun run, Timestamp? at) =>
        at is null ? "" : Local(run, at.ToDateTimeOffset());

    public static string Local(this CommandRun run, DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, run.Cli.Console.TimeZone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
