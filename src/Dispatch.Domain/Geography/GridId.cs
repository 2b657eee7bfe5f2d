using System.Diagnostics.CodeAnalysis;
using Dispatch.Domain.Common;
using Dispatch.Domain.Geography.Rules;

namespace Dispatch.Domain.Geography;

/// <summary>
/// A grid's 15-digit code: 6-digit area (administrative division) code, then 3 digits each for the
/// town, the village and the grid. Kept as a string so leading zeros survive.
/// </summary>
public sealed record GridId
{
    public const int Length = 15;

    private GridId(string value)
    {
        Value = value;
    }

    public string Value { get; }

    /// <summary>Digits 1-6: the administrative division (district or county).</summary>
    public string AreaCode => Value[..6];

    /// <summary>Digits 7-9: the town (or street) within the area.</summary>
    public string TownCode => Value[6..9];

    /// <summary>Digits 10-12: the village (or community) within the town.</summary>
    public string VillageCode => Value[9..12];

    /// <summary>Digits 13-15: the grid within the village.</summary>
    public string GridCode => Value[12..];

    /// <summary>The first 9 digits: identifies the town across areas (area + town).</summary>
    public string TownKey => Value[..9];

    /// <summary>The first 12 digits: identifies the village across areas (area + town + village).</summary>
    public string VillageKey => Value[..12];

    /// <summary>Parses a grid id or throws <see cref="DomainValidationException"/> naming <paramref name="field"/>.</summary>
    public static GridId Parse(string? value, string field = "gridId")
    {
        Check.Input(new GridIdMustBeFifteenDigits(field, value));
        return new GridId(value!);
    }

    public static bool TryParse(string? value, [NotNullWhen(true)] out GridId? gridId)
    {
        gridId = IsValid(value) ? new GridId(value!) : null;
        return gridId is not null;
    }

    public static bool IsValid(string? value) =>
        value is { Length: Length } && value.All(char.IsAsciiDigit);

    public override string ToString() => Value;
}
