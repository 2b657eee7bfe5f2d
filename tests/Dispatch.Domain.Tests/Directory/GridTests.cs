using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Directory;

public sealed class GridTests
{
    [Fact]
    public void Create_Valid_KeepsIdAndName()
    {
        var grid = new Grid(GridId.Parse("110105001002003"), "Market street grid 3");

        Assert.Equal("110105001002003", grid.Id.Value);
        Assert.Equal("Market street grid 3", grid.Name);
    }

    [Fact]
    public void Create_MissingIdOrName_IsRejected()
    {
        DomainAssert.RejectsInput("id", () => new Grid(null!, "Grid"));
        DomainAssert.RejectsInput("name", () => new Grid(GridId.Parse("110105001002003"), ""));
        DomainAssert.RejectsInput("name", () => new Grid(GridId.Parse("110105001002003"), new string('n', 101)));
    }

    [Fact]
    public void Rename_Invalid_ChangesNothing()
    {
        var grid = new Grid(GridId.Parse("110105001002003"), "Grid 3");

        DomainAssert.RejectsInput("name", () => grid.Rename(" "));
        grid.Rename("Grid three");

        Assert.Equal("Grid three", grid.Name);
    }
}
