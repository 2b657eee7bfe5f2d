using System.Collections.Concurrent;
using Dispatch.Domain.Geography;

namespace Dispatch.Application.Cases;

/// <summary>
/// The grids this node has found in its directory. A directory never loses a grid (UpsertGrid adds or
/// renames; nothing removes one), so a grid found once is known for good, and a report into it needs no
/// lookup: on PostgreSQL that lookup was one of the writer's round trips per batch. An id not found is not
/// remembered: it is looked up again next time, so a grid added meanwhile (here or by another replica) is
/// accepted at once. Holds at most the directory's grids.
/// </summary>
internal sealed class KnownGrids
{
    private readonly ConcurrentDictionary<GridId, bool> _known = new();

    /// <summary>Whether <paramref name="grid"/> is in the directory: known, or found by <paramref name="lookup"/>.</summary>
    public async Task<bool> ExistsAsync(GridId grid, Func<Task<bool>> lookup)
    {
        if (_known.ContainsKey(grid))
        {
            return true;
        }

        if (!await lookup())
        {
            return false;
        }

        _known.TryAdd(grid, true);
        return true;
    }
}
