using System.Globalization;

namespace Dispatch.Node.Application;

/// <summary>
/// Human-readable case numbers, "C-20261124-3F9A1C2B": the report date and the first 8 hex digits
/// of the case id. No counter to coordinate; the unique index catches the rare collision.
/// </summary>
internal static class CaseNumbers
{
    public static string For(DateTimeOffset reportedAt, Guid id) =>
        "C-" + reportedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" +
        id.ToString("N")[..8].ToUpperInvariant();
}
