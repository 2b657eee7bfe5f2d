using System.Globalization;
using Dispatch.Application.Errors;
using Dispatch.Domain.Evaluation;

namespace Dispatch.Application.Stats.Reports;

/// <summary>A daily, weekly or monthly report holding <paramref name="Date"/> (YYYY-MM-DD), as CSV or HTML.</summary>
internal sealed record ReportRequest(ReportKind Kind, string Date, ReportFormat Format)
{
    // Far enough from the calendar's ends that a month and a time zone offset around any date stay representable.
    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly DateOnly Latest = new(9998, 12, 31);

    /// <summary>The request checked: a known kind, a real date, a known format; a bad one is INVALID_ARGUMENT naming the field.</summary>
    public (ReportKind Kind, DateOnly Date, ReportFormat Format) Parse()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new InvalidRequestException("kind", "must be DAILY, WEEKLY or MONTHLY.");
        }

        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new InvalidRequestException("date", Date.Length == 0 ? "is required (YYYY-MM-DD)." : $"{Domain.Common.ClientValue.Quote(Date)} is not a date (YYYY-MM-DD).");
        }

        if (date < Earliest || date > Latest)
        {
            throw new InvalidRequestException("date", $"must be a day from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}.");
        }

        if (!Enum.IsDefined(Format))
        {
            throw new InvalidRequestException("format", "must be CSV or HTML.");
        }

        return (Kind, date, Format);
    }
}
