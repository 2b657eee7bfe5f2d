using System.Globalization;
using System.Text.RegularExpressions;

namespace Dispatch.Application.Cases;

/// <summary>
/// Case ids and human-readable case numbers. Ids are time-ordered (UUID version 7), so new cases and
/// their history go to the end of the primary-key indexes instead of a random page each. Numbers,
/// "C-20261124-3F9A1C2B04D7", are the report date, then 7 hex digits of the millisecond of that day and
/// the last 5 hex digits of the id (its random part): time-ordered too, so the unique number index is
/// also appended to at its end (with a random number, every report dirtied a page of that index of its
/// own, and the commit wrote each of them to the log). No counter to coordinate between replicas; two
/// reports share a number only in the same millisecond and with the same 20 random bits (at a million
/// reports a day, about twice a year; at 5,000 a second spread evenly, about once a minute and a half, but
/// under load the reports of a millisecond come in bunches, and the intake benchmark met a pair several
/// times a minute), and then the report is made again with a new id (see <see cref="CaseCommands.ReportAsync"/>).
/// Such a pair is reported in the same millisecond and so mostly falls in the same batch of the writer,
/// which sees its own new numbers and gives the second report a new id at once; only a pair split over two
/// batches reaches the unique index.
/// </summary>
internal static partial class CaseNumbers
{
    public static Guid NewId(DateTimeOffset now) => Guid.CreateVersion7(now);

    public static string For(DateTimeOffset reportedAt, Guid id)
    {
        var utc = reportedAt.UtcDateTime;
        var millisecond = (long)utc.TimeOfDay.TotalMilliseconds;
        return "C-" + utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" +
            millisecond.ToString("X7", CultureInfo.InvariantCulture) + id.ToString("N")[^5..].ToUpperInvariant();
    }

    /// <summary>Whether <paramref name="text"/> is a whole case number as nodes make them (any letter case).</summary>
    public static bool IsNumber(string text) => NumberPattern().IsMatch(text);

    /// <summary>A whole case number as <see cref="For"/> makes them (8 hex digits in numbers made before 12).</summary>
    [GeneratedRegex("^C-[0-9]{8}-(?:[0-9A-F]{8}|[0-9A-F]{12})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}

/// <summary>Where the ids of reported cases come from: <see cref="CaseNumbers.NewId"/>; a test substitutes ids whose numbers collide.</summary>
internal class CaseIdSource
{
    public virtual Guid Next(DateTimeOffset now) => CaseNumbers.NewId(now);
}
