using Dispatch.Domain.Geography;

namespace Dispatch.Application.Directory;

/// <summary>Add a grid, or rename the grid with this id.</summary>
internal sealed record UpsertGridCommand(GridId Id, string Name);
