using Dispatch.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>
/// Everything a call could have written, read straight from the node's database: every case's
/// version and status, the history and feed row counts, the feed's last sequence and the directory (with the routing rules).
/// Two footprints are equal exactly when nothing was written in between.
/// </summary>
public sealed record NodeFootprint(string Cases, int Events, int FeedEntries, long LastSequence, string Directory)
{
    public static async Task<NodeFootprint> TakeAsync(NodeTestHost node)
    {
        var factory = node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var cases = await db.Cases.AsNoTracking().Select(c => new { c.Id, c.Version, c.Status }).ToListAsync();
        var users = await db.Users.AsNoTracking().ToListAsync();
        var grids = await db.Grids.AsNoTracking().ToListAsync();
        var departments = await db.Departments.AsNoTracking().ToListAsync();
        var rules = await db.RoutingRules.AsNoTracking().ToListAsync();
        var feed = await db.CaseFeed.AsNoTracking().Select(f => f.Sequence).ToListAsync();
        return new NodeFootprint(
            string.Join(";", cases.OrderBy(c => c.Id).Select(c => $"{c.Id}@{c.Version}:{c.Status}")),
            await db.CaseEvents.CountAsync(),
            feed.Count,
            feed.Count == 0 ? 0 : feed.Max(),
            string.Join(";", users.OrderBy(u => u.Id).Select(u => $"{u.UserName}:{u.Role}:{u.DisplayName}:{u.PasswordHash}:{string.Join(',', u.GridIds)}:{u.DepartmentId}"))
                + "|" + string.Join(";", grids.OrderBy(g => g.Id.Value).Select(g => $"{g.Id}:{g.Name}"))
                + "|" + string.Join(";", departments.OrderBy(d => d.Id).Select(d => $"{d.Id}:{d.Code}:{d.Name}"))
                + "|" + string.Join(";", rules.OrderBy(r => r.CategoryCode, StringComparer.Ordinal).ThenBy(r => r.GridScope, StringComparer.Ordinal).Select(r => $"{r.CategoryCode}:{r.GridScope}:{r.DepartmentId}")));
    }
}
