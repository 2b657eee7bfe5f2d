using Dispatch.Application.Security;
using Dispatch.Domain.Directory;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Directory;

/// <summary>The node's grids: anyone signed in lists them; administrators add and rename.</summary>
internal sealed class GridDirectory(DirectoryStore store)
{
    /// <summary>Every grid, by id.</summary>
    public async Task<IReadOnlyList<Grid>> ListAsync(CallerIdentity caller, CancellationToken cancellationToken)
    {
        await using var db = await store.OpenAsync(caller, "ListGrids", cancellationToken);
        return (await db.Grids.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(g => g.Id.Value).ToList();
    }

    public async Task<Grid> UpsertAsync(CallerIdentity caller, UpsertGridCommand request, CancellationToken cancellationToken)
    {
        await using var db = await store.OpenAsync(caller, "UpsertGrid", cancellationToken);
        var grid = await db.Grids.FirstOrDefaultAsync(g => g.Id == request.Id, cancellationToken);
        if (grid is null)
        {
            grid = new Grid(request.Id, request.Name);
            db.Grids.Add(grid);
        }
        else
        {
            grid.Rename(request.Name);
        }

        if (request.Extent is { } extent)
        {
            grid.ChangeExtent(extent);
        }

        await db.SaveChangesAsync(cancellationToken);
        return grid;
    }
}
