using System.Globalization;

namespace Dispatch.Node.Dashboard.Map;

/// <summary>
/// A Web-Mercator view of a width x height pixel area (the map's SVG): the (fractional) zoom and the offset at which a
/// set of points fits it with a margin, the point's position at that view, the tiles covering it (when a tile server is
/// configured) and the graticule (when not). World pixels at zoom z: 256 x 2^z across, as tile servers count them.
/// Pure arithmetic, no I/O.
/// </summary>
public sealed class MapView
{
    public const double TileSize = 256;

    /// <summary>Web Mercator's latitude limit: the world is a square.</summary>
    public const double MaxLatitude = 85.0511287798066;

    /// <summary>The deepest zoom a fit goes to: a single point (or points close together) shows a few streets around it.</summary>
    public const double MaxZoom = 17;

    /// <summary>Tile servers serve zoom levels up to this one.</summary>
    public const int MaxTileZoom = 19;

    private MapView(double zoom, double left, double top, double width, double height)
    {
        Zoom = zoom;
        Left = left;
        Top = top;
        Width = width;
        Height = height;
    }

    /// <summary>The fractional zoom: the world is 256 x 2^Zoom pixels across.</summary>
    public double Zoom { get; }

    /// <summary>The world pixel (at <see cref="Zoom"/>) at the view's left edge.</summary>
    public double Left { get; }

    /// <summary>The world pixel (at <see cref="Zoom"/>) at the view's top edge.</summary>
    public double Top { get; }

    public double Width { get; }

    public double Height { get; }

    private double Scale => TileSize * Math.Pow(2, Zoom);

    /// <summary>
    /// The view in which every point lies at least <paramref name="margin"/> pixels inside the edges, as close as that
    /// allows (at most <see cref="MaxZoom"/>), centred on the points' bounding box; with no points, the whole world.
    /// </summary>
    public static MapView Fit(IReadOnlyCollection<(double Latitude, double Longitude)> points, double width, double height, double margin)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        if (points.Count == 0)
        {
            var whole = Math.Log2(Math.Min(width, height) / TileSize);
            return Centred(whole, 0.5, 0.5, width, height);
        }

        double west = double.MaxValue, east = double.MinValue, north = double.MinValue, south = double.MaxValue;
        foreach (var (latitude, longitude) in points)
        {
            var x = UnitX(longitude);
            var y = UnitY(latitude);
            west = Math.Min(west, x);
            east = Math.Max(east, x);
            north = Math.Max(north, -y);
            south = Math.Min(south, -y);
        }

        var spanX = east - west;
        var spanY = north - south;
        var usableX = Math.Max(1, width - (2 * margin));
        var usableY = Math.Max(1, height - (2 * margin));
        var zoom = MaxZoom;
        if (spanX > 0 || spanY > 0)
        {
            var scale = Math.Min(spanX > 0 ? usableX / spanX : double.MaxValue, spanY > 0 ? usableY / spanY : double.MaxValue);
            zoom = Math.Min(MaxZoom, Math.Log2(scale / TileSize));
        }

        return Centred(zoom, (west + east) / 2, -(north + south) / 2, width, height);
    }

    /// <summary>Where a point lies in the view, in pixels from its top left corner.</summary>
    public (double X, double Y) Project(double latitude, double longitude) =>
        ((UnitX(longitude) * Scale) - Left, (UnitY(latitude) * Scale) - Top);

    /// <summary>The latitude and longitude at a pixel of the view.</summary>
    public (double Latitude, double Longitude) Unproject(double x, double y)
    {
        var unitX = (x + Left) / Scale;
        var unitY = (y + Top) / Scale;
        var longitude = (unitX * 360) - 180;
        var latitude = Math.Atan(Math.Sinh(Math.PI * (1 - (2 * unitY)))) * 180 / Math.PI;
        return (latitude, longitude);
    }

    /// <summary>
    /// The tiles covering the view at the whole zoom at or below <see cref="Zoom"/>, each scaled to the view and placed in
    /// it, with its address from <paramref name="urlTemplate"/> ({z}, {x}, {y}). Columns wrap around the antimeridian;
    /// rows beyond the poles are left out.
    /// </summary>
    public IReadOnlyList<MapTile> Tiles(string urlTemplate)
    {
        ArgumentNullException.ThrowIfNull(urlTemplate);
        var z = Math.Clamp((int)Math.Floor(Zoom), 0, MaxTileZoom);
        var size = TileSize * Math.Pow(2, Zoom - z);
        var count = 1 << z;
        var tiles = new List<MapTile>();
        for (var row = (int)Math.Floor(Top / size); row * size < Top + Height; row++)
        {
            if (row < 0 || row >= count)
            {
                continue;
            }

            for (var column = (int)Math.Floor(Left / size); column * size < Left + Width; column++)
            {
                var x = ((column % count) + count) % count;
                var url = urlTemplate
                    .Replace("{z}", z.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{x}", x.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{y}", row.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                tiles.Add(new MapTile(url, (column * size) - Left, (row * size) - Top, size));
            }
        }

        return tiles;
    }

    /// <summary>Meridians and parallels across the view at a round step (1, 2 or 5 times a power of ten degrees), 3 to 10 of each.</summary>
    public IReadOnlyList<GraticuleLine> Graticule()
    {
        var (north, west) = Unproject(0, 0);
        var (south, east) = Unproject(Width, Height);
        var lines = new List<GraticuleLine>();
        var step = Step(Math.Max(east - west, north - south));
        for (var longitude = Math.Ceiling(west / step) * step; longitude <= east; longitude += step)
        {
            var x = Project(0, longitude).X;
            lines.Add(new GraticuleLine(Label(longitude, step, "E", "W"), x, 0, x, Height));
        }

        for (var latitude = Math.Ceiling(south / step) * step; latitude <= north; latitude += step)
        {
            var y = Project(latitude, 0).Y;
            lines.Add(new GraticuleLine(Label(latitude, step, "N", "S"), 0, y, Width, y));
        }

        return lines;
    }

    private static MapView Centred(double zoom, double unitX, double unitY, double width, double height)
    {
        var scale = TileSize * Math.Pow(2, zoom);
        return new MapView(zoom, (unitX * scale) - (width / 2), (unitY * scale) - (height / 2), width, height);
    }

    /// <summary>Longitude as a share of the world's width, west to east (0 to 1).</summary>
    private static double UnitX(double longitude) => (longitude + 180) / 360;

    /// <summary>Latitude as a share of the world's height, north to south (0 to 1), clamped to Web Mercator's limit.</summary>
    private static double UnitY(double latitude)
    {
        var phi = Math.Clamp(latitude, -MaxLatitude, MaxLatitude) * Math.PI / 180;
        return (1 - (Math.Log(Math.Tan(phi) + (1 / Math.Cos(phi))) / Math.PI)) / 2;
    }

    private static double Step(double span)
    {
        var target = Math.Max(span, 1e-9) / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(target)));
        return new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= target);
    }

    private static string Label(double degrees, double step, string positive, string negative)
    {
        var decimals = Math.Max(0, (int)Math.Ceiling(-Math.Log10(step)));
        var text = Math.Abs(degrees).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Math.Abs(degrees) < step / 1e6 ? text : text + (degrees > 0 ? positive : negative);
    }
}
