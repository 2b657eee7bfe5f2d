using Dispatch.Data;
using Dispatch.Domain.Directory;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Open311;

/// <summary>
/// The grid a point lies in: of the grids whose extent contains it, the smallest (a grid drawn inside a larger one
/// wins); none when no extent does. A node has hundreds of grids at most, so they are read and compared here.
/// </summary>
internal sealed class GridLocator(IDbContextFactory<DispatchDbContext> contexts)
{
    public async Task<Grid?> FindAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var grids = await context.Grids.AsNoTracking().ToListAsync(cancellationToken);
        return grids.Where(g => g.Extent?.Contains(latitude, longitude) == true)
            .OrderBy(g => g.Extent!.Area).ThenBy(g => g.Id.Value, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
