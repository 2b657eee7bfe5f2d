using Dispatch.Domain.Evaluation;

namespace Dispatch.Data.Bulletins;

/// <summary>
/// A produced bulletin: the daily, weekly or monthly report of one completed period, rendered as CSV and as HTML
/// when the period ended and kept as it was then. One per (kind, first day); both formats live in the one row, so
/// they come from one evaluation at one instant and are stored together or not at all.
/// </summary>
public sealed class Bulletin(
    ReportKind kind,
    DateOnly firstDay,
    DateTimeOffset periodFrom,
    DateTimeOffset periodTo,
    string timeZone,
    DateTimeOffset producedAt,
    byte[] csv,
    byte[] html)
{
    public const int TimeZoneMaxLength = 64;

    public ReportKind Kind { get; private set; } = kind;

    /// <summary>The period's first local day: the day itself, the week's Monday or the month's 1st.</summary>
    public DateOnly FirstDay { get; private set; } = firstDay;

    /// <summary>The start of the period, included.</summary>
    public DateTimeOffset PeriodFrom { get; private set; } = periodFrom;

    /// <summary>The end of the period, excluded.</summary>
    public DateTimeOffset PeriodTo { get; private set; } = periodTo;

    /// <summary>The report time zone (an IANA id) whose midnights bounded the period.</summary>
    public string TimeZone { get; private set; } = timeZone;

    public DateTimeOffset ProducedAt { get; private set; } = producedAt;

    public byte[] Csv { get; private set; } = csv;

    public byte[] Html { get; private set; } = html;
}
