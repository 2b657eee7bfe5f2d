using Dispatch.Data;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Fuzzing;

/// <summary>
/// A cheap summary of everything a call can write: cases (count and the sum of their versions, which every transition
/// raises), history, feed, outbox, supervision orders, and the directory row by row. Equal before and after exactly
/// when nothing was written in between.
/// </summary>
public static class StoreFingerprint
{
    public static async Task<string> TakeAsync(IDbContextFactory<DispatchDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cases = await db.Cases.CountAsync(cancellationToken);
        var versions = await db.Cases.SumAsync(c => (long)c.Version, cancellationToken);
        var events = await db.CaseEvents.CountAsync(cancellationToken);
        var feed = await db.CaseFeed.MaxAsync(f => (long?)f.Sequence, cancellationToken) ?? 0;
        var outbox = await db.Outbox.CountAsync(cancellationToken);
        var orders = await db.SupervisionOrders.CountAsync(cancellationToken);
        var orderVersions = await db.SupervisionOrders.SumAsync(o => (long)o.Version, cancellationToken);
        var users = await db.Users.AsNoTracking().Select(u => u.UserName + ":" + u.DisplayName + ":" + u.Role + ":" + u.PasswordHash + ":" + u.DepartmentId).ToListAsync(cancellationToken);
        var grids = await db.Grids.AsNoTracking().Select(g => g.Name).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().Select(d => d.Code + ":" + d.Name).ToListAsync(cancellationToken);
        var rules = await db.RoutingRules.AsNoTracking().Select(r => r.CategoryCode + ":" + r.GridScope + ":" + r.DepartmentId).ToListAsync(cancellationToken);
        var directory = string.Join("|", users.Concat(grids).Concat(departments).Concat(rules).Order(StringComparer.Ordinal));
        return $"cases {cases}, versions {versions}, events {events}, feed {feed}, outbox {outbox}, orders {orders}@{orderVersions}, directory {directory.Length}:{Hash(directory)}";
    }

    private static string Hash(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
}
