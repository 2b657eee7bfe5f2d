using System.Globalization;
using Dispatch.Application.Errors;
using Dispatch.Domain.Evaluation;

namespace Dispatch.Application.Stats.Reports;

/// <summary>A daily, weekly or monthly report holding <paramref name="Date"/> (YYYY-MM-DD), as CSV or HTML.</summary>
internal sealed record ReportRequest(ReportKind Kind, string Date, ReportFormat Format)
{
    /// <summary>The request checked: a known kind, a real date, a known format; a bad one is INVALID_ARGUMENT naming the field.</summary>
    public (ReportKind Kind, DateOnly Date, ReportFormat Format) Parse()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new InvalidRequestException("kind", "must be DAILY, WEEKLY or MONTHLY.");
        }

        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new InvalidRequestException("date", Date.Length == 0 ? "is required (YYYY-MM-DD)." : $"'{Shorten(Date)}' is not a date (YYYY-MM-DD).");
        }

        if (!Enum.IsDefined(Format))
        {
            throw new InvalidRequestException("format", "must be CSV or HTML.");
        }

        return (Kind, date, Format);
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "...";
}
