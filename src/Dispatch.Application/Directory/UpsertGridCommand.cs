using Dispatch.Domain.Geography;

namespace Dispatch.Application.Directory;

/// <summary>Add a grid, or rename the grid with this id; with an <paramref name="Extent"/>, set where it lies (null keeps the one it has).</summary>
internal sealed record UpsertGridCommand(GridId Id, string Name, GeoBox? Extent = null);
