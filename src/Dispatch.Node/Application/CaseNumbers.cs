using System.Globalization;

namespace Dispatch.Node.Application;

/// <summary>
/// Case ids and human-readable case numbers. Ids are time-ordered (UUID version 7), so new cases and
/// their history go to the end of the primary-key indexes instead of a random page each. Numbers,
/// "C-20261124-3F9A1C2B04D7", are the report date and the last 12 hex digits of the id (its random
/// part). No counter to coordinate between replicas; at a million reports a day two share a number
/// about once in 500 days, and then the report is made again with a new id (see
/// <see cref="CaseCommands.ReportAsync"/>).
/// </summary>
internal static class CaseNumbers
{
    public static Guid NewId(DateTimeOffset now) => Guid.CreateVersion7(now);

    public static string For(DateTimeOffset reportedAt, Guid id) =>
        "C-" + reportedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" +
        id.ToString("N")[^12..].ToUpperInvariant();
}
