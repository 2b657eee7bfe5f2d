using System.Globalization;
using Bunit;
using Dispatch.Contracts.V1;
using Dispatch.Node.Dashboard.Map;
using Dispatch.Node.Dashboard.Pages;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>The map page on a real node: one dot per open case at its projected position, tiles when a server is configured.</summary>
public sealed class MapPageTests() : NodeTestBase(StorageKind.Sqlite)
{
    private const string TileUrl = "http://127.0.0.1:8080/{z}/{x}/{y}.png";

    private static readonly (double Latitude, double Longitude)[] Places = [(39.90, 116.38), (39.95, 116.45), (39.88, 116.41)];

    protected override IReadOnlyDictionary<string, string?>? NodeSettings { get; } = new Dictionary<string, string?>
    {
        ["Dashboard:MapTileUrl"] = TileUrl,
        ["Dashboard:MapMaxPoints"] = "3",
    };

    [Fact]
    public async Task OpenCases_PlottedAtTheirProjectedPositions_OverTheConfiguredTiles_CappedWhenMore()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var numbers = new List<string>();
        for (var i = 0; i < Places.Length; i++)
        {
            var report = NewReport($"map-{i}");
            report.Location = new Location { Latitude = Places[i].Latitude, Longitude = Places[i].Longitude, Address = $"Place {i}" };
            report.Whistle = i == 0 ? WhistleClass.Emergency : WhistleClass.Daily;
            numbers.Add((await worker.ReportCaseAsync(report)).Case.Number);
            Node.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await using var context = await BoardContext.SignedInAsync(Node, "dispatcher");
        var page = context.Render<Map>();
        await BoardContext.EventuallyAsync(() => Assert.Equal(3, page.FindAll("circle[data-test=point]").Count), Node);
        Assert.Empty(page.FindAll("[data-test=capped]"));

        var view = MapView.Fit(Places, 960, 600, 24);
        for (var i = 0; i < Places.Length; i++)
        {
            var dot = page.Find($"a[data-case='{numbers[i]}'] circle");
            var (x, y) = view.Project(Places[i].Latitude, Places[i].Longitude);
            Assert.Equal(x.ToString("0.#", CultureInfo.InvariantCulture), dot.GetAttribute("cx"));
            Assert.Equal(y.ToString("0.#", CultureInfo.InvariantCulture), dot.GetAttribute("cy"));
            Assert.Contains(numbers[i], dot.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal("dot emergency", page.Find($"a[data-case='{numbers[0]}'] circle").GetAttribute("class"));
        Assert.Equal(view.Tiles(TileUrl).Select(t => t.Url), page.FindAll("image[data-test=tile]").Select(t => t.GetAttribute("href")));
        Assert.Empty(page.FindAll("line.graticule"));

        // A fourth open case is over the configured cap: the latest three are plotted, and the page says so.
        var late = NewReport("map-3");
        late.Location = new Location { Latitude = 39.8, Longitude = 116.3 };
        await worker.ReportCaseAsync(late);
        await using var again = await BoardContext.SignedInAsync(Node, "dispatcher");
        var capped = again.Render<Map>();
        await BoardContext.EventuallyAsync(() => Assert.Single(capped.FindAll("[data-test=capped]")), Node);
        Assert.Equal(3, capped.FindAll("circle[data-test=point]").Count);
        Assert.Empty(capped.FindAll($"a[data-case='{numbers[0]}']"));

        // The whistle filter: only the emergency case is left, and it is not capped.
        capped.Find("select[data-test=whistle]").Change("Emergency");
        await BoardContext.EventuallyAsync(() => Assert.Single(capped.FindAll("circle[data-test=point]")), Node);
        Assert.Single(capped.FindAll($"a[data-case='{numbers[0]}']"));
        Assert.Empty(capped.FindAll("[data-test=capped]"));
    }
}
