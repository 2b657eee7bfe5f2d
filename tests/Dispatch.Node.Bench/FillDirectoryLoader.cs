using System.Security.Cryptography;
using System.Text;
using Dispatch.Data;
using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Node.Bench;

/// <summary>Reads the node's directory (the demo seed) and adds 57 more grids with made-up workers: 60 grids in all.</summary>
internal static class FillDirectoryLoader
{
    public static async Task<FillDirectory> LoadAsync(DispatchDbContext context)
    {
        var users = await context.Users.AsNoTracking().ToListAsync();
        var dispatcher = users.FirstOrDefault(u => u.Role == Role.Dispatcher)
            ?? throw new InvalidOperationException("The node has no dispatcher: start it once with Node:SeedDemo=true before filling.");
        var departments = users.Where(u => u is { Role: Role.DepartmentHandler, DepartmentId: not null })
            .Select(u => (u.DepartmentId!.Value, u.Id)).ToArray();
        if (departments.Length == 0)
        {
            throw new InvalidOperationException("The node has no department handler.");
        }

        var workerByGrid = new Dictionary<GridId, Guid>();
        foreach (var worker in users.Where(u => u.Role == Role.GridWorker))
        {
            foreach (var grid in worker.GridIds)
            {
                workerByGrid.TryAdd(grid, worker.Id);
            }
        }

        // 110105 + town 001-003 + village 001-004 + grid 001-005.
        for (var town = 1; town <= 3; town++)
        {
            for (var village = 1; village <= 4; village++)
            {
                for (var number = 1; number <= 5; number++)
                {
                    var grid = GridId.Parse($"110105{town:000}{village:000}{number:000}");
                    workerByGrid.TryAdd(grid, StableId("worker " + grid.Value));
                }
            }
        }

        return new FillDirectory(dispatcher.Id, departments, workerByGrid.Keys.OrderBy(g => g.Value, StringComparer.Ordinal).ToArray(), workerByGrid);
    }

    private static Guid StableId(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
}
