using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Geography.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Geography;

public sealed class GeoBoxTests
{
    private static readonly GeoBox Block = GeoBox.Create(39.920, 116.440, 39.925, 116.445);

    [Theory]
    [InlineData(39.9215, 116.442, true)]
    [InlineData(39.920, 116.440, true)]   // edges belong to the box
    [InlineData(39.925, 116.445, true)]
    [InlineData(39.9251, 116.442, false)]
    [InlineData(39.9215, 116.4399, false)]
    public void Contains_PointsOnAndAroundTheBox_IncludesItsEdges(double latitude, double longitude, bool inside) =>
        Assert.Equal(inside, Block.Contains(latitude, longitude));

    [Fact]
    public void Create_SouthOfNorthOrWestOfEast_IsRefused()
    {
        Assert.Equal(nameof(BoxCornersMustBeInOrder), DomainAssert.RejectsInput("extent", () => GeoBox.Create(39.93, 116.44, 39.92, 116.45)).Rule);
        Assert.Equal(nameof(BoxCornersMustBeInOrder), DomainAssert.RejectsInput("extent", () => GeoBox.Create(39.92, 116.45, 39.93, 116.44)).Rule);
        Assert.Equal(nameof(LatitudeMustBeWithinRange), DomainAssert.RejectsInput("grid.extent.north", () => GeoBox.Create(39.92, 116.44, double.NaN, 116.45, "grid.extent")).Rule);
        Assert.Equal(nameof(LongitudeMustBeWithinRange), DomainAssert.RejectsInput("extent.east", () => GeoBox.Create(39.92, 116.44, 39.93, 181)).Rule);
    }

    [Fact]
    public void Grid_ChangeExtent_KeepsTheBox_AndNullClearsIt()
    {
        var grid = new Grid(GridId.Parse("110105001001001"), "Grid 1");
        Assert.Null(grid.Extent);

        grid.ChangeExtent(Block);
        Assert.Equal(Block, grid.Extent);
        Assert.True(Block.Area > 0);

        grid.ChangeExtent(null);
        Assert.Null(grid.Extent);
    }
}
