using System.Globalization;
using Dispatch.Application.Errors;

namespace Dispatch.Node.Open311;

/// <summary>Reading GeoReport v2 parameters: optional text with a length limit, coordinates, W3C date-times; a bad one is a 400 naming it.</summary>
internal static class Open311Input
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    /// <summary>The value, trimmed; null when absent or empty; refused when longer than <paramref name="maxLength"/>.</summary>
    public static string? Text(string name, string? value, int maxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length <= maxLength ? text : throw new InvalidRequestException(name, $"is {text.Length} characters long; at most {maxLength}.");
    }

    /// <summary>A coordinate in degrees within ±<paramref name="limit"/>; null when absent.</summary>
    public static double? Degrees(string name, string? value, double limit)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees) && degrees >= -limit && degrees <= limit
            ? degrees
            : throw new InvalidRequestException(name, $"{Domain.Common.ClientValue.Quote(value)} is not a number of degrees from -{limit} to {limit}.");
    }

    /// <summary>A W3C date-time (<c>2026-11-24T08:00:00Z</c>, an offset, or a date alone, read as UTC); null when absent.</summary>
    public static DateTimeOffset? Time(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : throw new InvalidRequestException(name, $"{Domain.Common.ClientValue.Quote(value)} is not a W3C date-time such as 2026-11-24T08:00:00Z.");
    }
}
