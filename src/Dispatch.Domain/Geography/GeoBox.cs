using Dispatch.Domain.Common;
using Dispatch.Domain.Geography.Rules;

namespace Dispatch.Domain.Geography;

/// <summary>
/// A rectangle of WGS 84 coordinates in degrees (south to north, west to east), edges included: the extent of a grid.
/// A box does not cross the antimeridian (west &lt;= east); no grid of this platform's districts does.
/// </summary>
public sealed record GeoBox
{
    private GeoBox(double south, double west, double north, double east)
    {
        South = south;
        West = west;
        North = north;
        East = east;
    }

    public double South { get; }

    public double West { get; }

    public double North { get; }

    public double East { get; }

    /// <summary>The box in square degrees: enough to choose the smallest of several boxes that contain a point.</summary>
    public double Area => (North - South) * (East - West);

    /// <summary>A checked box; <paramref name="field"/> names it in a refusal (<c>extent.south</c>, ...).</summary>
    public static GeoBox Create(double south, double west, double north, double east, string field = "extent")
    {
        Check.Input(new LatitudeMustBeWithinRange(field + ".south", south));
        Check.Input(new LatitudeMustBeWithinRange(field + ".north", north));
        Check.Input(new LongitudeMustBeWithinRange(field + ".west", west));
        Check.Input(new LongitudeMustBeWithinRange(field + ".east", east));
        Check.Input(new BoxCornersMustBeInOrder(field, south, west, north, east));
        return new GeoBox(south, west, north, east);
    }

    public bool Contains(double latitude, double longitude) =>
        latitude >= South && latitude <= North && longitude >= West && longitude <= East;
}
