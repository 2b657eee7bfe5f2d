using Dispatch.Domain.Common;
using Dispatch.Domain.Common.Rules;
using Dispatch.Domain.Geography;

namespace Dispatch.Domain.Directory;

/// <summary>The smallest territory, patrolled by its grid workers; identified by its 15-digit <see cref="GridId"/>.</summary>
public sealed class Grid
{
#pragma warning disable CS8618 // EF Core materialises grids through this constructor and sets every property.
    private Grid()
    {
    }
#pragma warning restore CS8618

    public Grid(GridId id, string name)
    {
        Check.Input(new ValueIsRequired("id", id));
        Check.RequiredText("name", name, DirectoryLimits.NameMaxLength);
        Id = id;
        Name = name;
    }

    public GridId Id { get; private set; }

    public string Name { get; private set; }

    // The extent as four columns, all set or all null (a nullable complex property would need a required member).
    private double? _extentSouth;
    private double? _extentWest;
    private double? _extentNorth;
    private double? _extentEast;

    /// <summary>Where the grid lies (a box set by its administrators); null until one is set. Open311 reports find their grid by it.</summary>
    public GeoBox? Extent => _extentSouth is { } south && _extentWest is { } west && _extentNorth is { } north && _extentEast is { } east
        ? GeoBox.Create(south, west, north, east)
        : null;

    public void ChangeExtent(GeoBox? extent)
    {
        _extentSouth = extent?.South;
        _extentWest = extent?.West;
        _extentNorth = extent?.North;
        _extentEast = extent?.East;
    }

    public void Rename(string name)
    {
        Check.RequiredText("name", name, DirectoryLimits.NameMaxLength);
        Name = name;
    }
}
