using Bunit;
using Dispatch.Node.Dashboard.Pages;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>Without a tile server (the default) the map draws a graticule and loads nothing from elsewhere.</summary>
public sealed class GraticuleMapTests() : NodeTestBase(StorageKind.Sqlite)
{
    [Fact]
    public async Task NoTileUrl_GraticuleAndNoImages()
    {
        await (await Node.CasesAsAsync("worker1")).ReportCaseAsync(NewReport("g-1"));
        await using var context = await BoardContext.SignedInAsync(Node, "worker1");
        var page = context.Render<Map>();
        await BoardContext.EventuallyAsync(() => Assert.Single(page.FindAll("circle[data-test=point]")), Node);
        Assert.NotEmpty(page.FindAll("line.graticule"));
        Assert.Empty(page.FindAll("image"));
        Assert.Equal("4", page.FindAll("[data-test=legend] li").Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
