using Dispatch.Node.Dashboard.Map;

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>The map's Web-Mercator arithmetic, against values worked out by hand.</summary>
public sealed class MapViewTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Fit_NoPoints_ShowsTheWholeWorldCentred()
    {
        var view = MapView.Fit([], 512, 512, 0);

        Assert.Equal(1, view.Zoom, Tolerance);
        Assert.Equal((256, 256), Round(view.Project(0, 0)));
        Assert.Equal((0, 256), Round(view.Project(0, -180)));
        var (x, y) = view.Project(MapView.MaxLatitude, 180);
        Assert.Equal((512, 0), (Math.Round(x, 3), Math.Round(y, 3)));
    }

    [Fact]
    public void Fit_TwoPoints_TheWiderSpanTouchesTheMargins_CentredOnTheOther()
    {
        // 0.1 degrees of longitude apart on the equator, at the same latitude: the width decides the zoom.
        var view = MapView.Fit([(0, 116.3), (0, 116.4)], 960, 600, 24);

        var west = view.Project(0, 116.3);
        var east = view.Project(0, 116.4);
        Assert.Equal(24, west.X, Tolerance);
        Assert.Equal(936, east.X, Tolerance);
        Assert.Equal(300, west.Y, Tolerance);
        Assert.Equal(300, east.Y, Tolerance);

        // 912 pixels for 0.1 / 360 of the world: 256 x 2^zoom = 912 x 3600.
        Assert.Equal(Math.Log2(912 * 3600 / 256.0), view.Zoom, Tolerance);
    }

    [Fact]
    public void Fit_TallSpan_FitsTheHeight_AndUnprojectIsTheInverse()
    {
        var view = MapView.Fit([(39.8, 116.4), (40.0, 116.41)], 960, 600, 24);

        Assert.Equal(24, view.Project(40.0, 116.4).Y, Tolerance);
        Assert.Equal(576, view.Project(39.8, 116.4).Y, Tolerance);
        var (latitude, longitude) = view.Unproject(view.Project(39.9, 116.405).X, view.Project(39.9, 116.405).Y);
        Assert.Equal(39.9, latitude, 1e-9);
        Assert.Equal(116.405, longitude, 1e-9);
    }

    [Fact]
    public void Fit_OnePoint_CentredAtTheDeepestZoom()
    {
        var view = MapView.Fit([(39.9, 116.4)], 960, 600, 24);

        Assert.Equal(MapView.MaxZoom, view.Zoom);
        Assert.Equal((480, 300), Round(view.Project(39.9, 116.4)));
    }

    [Fact]
    public void Tiles_CoverTheView_AtTheWholeZoomBelow_ScaledAndPlaced()
    {
        // The whole world at zoom 1 in 512 x 512: the four tiles of zoom 1, each 256 pixels.
        var world = MapView.Fit([], 512, 512, 0);
        var tiles = world.Tiles("http://127.0.0.1:8080/{z}/{x}/{y}.png");
        Assert.Equal(
            ["http://127.0.0.1:8080/1/0/0.png", "http://127.0.0.1:8080/1/1/0.png", "http://127.0.0.1:8080/1/0/1.png", "http://127.0.0.1:8080/1/1/1.png"],
            tiles.Select(t => t.Url));
        Assert.Equal([(0d, 0d, 256d), (256d, 0d, 256d), (0d, 256d, 256d), (256d, 256d, 256d)], tiles.Select(t => (Math.Round(t.X, 6), Math.Round(t.Y, 6), Math.Round(t.Size, 6))));

        // Around Beijing at a fractional zoom: tiles of the whole zoom below, scaled up, the one under the centre holding it.
        var deeper = MapView.Fit([(39.90, 116.38), (39.91, 116.43)], 960, 600, 24);
        Assert.InRange(deeper.Zoom, 14, 15);
        var z = (int)Math.Floor(deeper.Zoom);
        var size = 256 * Math.Pow(2, deeper.Zoom - z);
        var covering = deeper.Tiles("{z}/{x}/{y}");
        Assert.All(covering, t => Assert.Equal(size, t.Size, Tolerance));
        Assert.All(covering, t => Assert.StartsWith($"{z}/", t.Url, StringComparison.Ordinal));
        var centre = covering.Single(t => t.X <= 480 && 480 < t.X + t.Size && t.Y <= 300 && 300 < t.Y + t.Size);
        var n = 1 << z;
        var column = (int)Math.Floor((116.405 + 180) / 360 * n);
        var phi = 39.905 * Math.PI / 180;
        var row = (int)Math.Floor((1 - (Math.Log(Math.Tan(phi) + (1 / Math.Cos(phi))) / Math.PI)) / 2 * n);
        Assert.Equal($"{z}/{column}/{row}", centre.Url);
        Assert.InRange(covering.Select(t => t.X).Distinct().Count(), (int)Math.Ceiling(960 / size), (int)Math.Ceiling(960 / size) + 1);
    }

    [Fact]
    public void Graticule_RoundDegreesAcrossTheView()
    {
        var view = MapView.Fit([(39.8, 116.3), (40.0, 116.5)], 960, 600, 24);

        var lines = view.Graticule();
        Assert.InRange(lines.Count, 4, 24);
        Assert.Contains(lines, l => l.Label == "116.4E" && l.Y1 == 0 && l.Y2 == 600);
        Assert.Contains(lines, l => l.Label == "39.9N" && l.X1 == 0 && l.X2 == 960);
        var meridian = lines.Single(l => l.Label == "116.4E");
        Assert.Equal(view.Project(39.9, 116.4).X, meridian.X1, 1e-6);
    }

    private static (double, double) Round((double X, double Y) point) => (Math.Round(point.X, 6), Math.Round(point.Y, 6));
}
