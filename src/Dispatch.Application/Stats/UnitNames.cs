using Dispatch.Data;
using Dispatch.Domain.Evaluation;
using Dispatch.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Stats;

/// <summary>Units' names as the directory knows them; a unit it does not know (or a child node) is named by its id.</summary>
internal static class UnitNames
{
    public static async Task<IReadOnlyDictionary<string, string>> LookUpAsync(
        DispatchDbContext db, UnitKind kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>();
        switch (kind)
        {
            case UnitKind.Department:
                var departments = ids.Select(Guid.Parse).ToList();
                foreach (var d in await db.Departments.AsNoTracking().Where(d => departments.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken))
                {
                    names[d.Id.ToString()] = d.Name;
                }

                break;
            case UnitKind.GridWorker:
                var users = ids.Select(Guid.Parse).ToList();
                foreach (var u in await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
                {
                    names[u.Id.ToString()] = u.DisplayName;
                }

                break;
            case UnitKind.Grid:
                var grids = ids.Select(id => GridId.Parse(id)).ToList();
                foreach (var g in await db.Grids.AsNoTracking().Where(g => grids.Contains(g.Id)).Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken))
                {
                    names[g.Id.Value] = g.Name;
                }

                break;
        }

        return ids.ToDictionary(id => id, id => names.GetValueOrDefault(id) ?? id);
    }
}
