using System.Linq.Expressions;
using Dispatch.Application.Writing;
using Dispatch.Data;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Cases;

/// <summary>
/// Open cases in the same grid and category reported in the last 72 hours, newest first: what a report
/// returns as possible duplicates. Found inside the writer's batch, so the reports of one batch share one
/// query per grid and category, and each also sees the cases reported before it in the same batch.
/// </summary>
internal static class PossibleDuplicates
{
    public const int Limit = 10;
    public static readonly TimeSpan Window = TimeSpan.FromHours(72);

    private static readonly CaseStatus[] OpenStatuses = [.. CaseLifecycle.OpenStatuses];

    /// <summary>The suggestions for <paramref name="reported"/>, which an item of this batch is about to add (or found already there).</summary>
    public static async Task<IReadOnlyList<Case>> ForAsync(WriteBatch batch, Case reported, DateTimeOffset now)
    {
        var since = now - Window;
        var recent = await SharedRecentOpenAsync(batch, reported, since);
        return recent.Where(c => c.Id != reported.Id && c.ReportedAt >= since).Take(Limit).ToList();
    }

    /// <summary>Takes a case this batch adds into the suggestions later reports of the batch get.</summary>
    public static async Task AddedAsync(WriteBatch batch, Case reported, DateTimeOffset now)
    {
        var recent = await SharedRecentOpenAsync(batch, reported, now - Window);
        var at = recent.FindIndex(c => c.ReportedAt <= reported.ReportedAt);
        recent.Insert(at < 0 ? recent.Count : at, reported);

        // One more than the limit: a retried report leaves its own case out of what it returns.
        if (recent.Count > Limit + 1)
        {
            recent.RemoveAt(recent.Count - 1);
        }
    }

    /// <summary>The newest open cases of the reported case's grid and category, looked up once per batch.</summary>
    private static Task<List<Case>> SharedRecentOpenAsync(WriteBatch batch, Case reported, DateTimeOffset since) =>
        batch.SharedAsync(
            new Key(reported.GridId, reported.CategoryCode),
            context => RecentOpenAsync(context, reported.GridId, reported.CategoryCode, since));

    /// <summary>
    /// The newest open cases of a grid and category: one range of the open-cases index (grid, category, report
    /// time; only open cases are in it), read newest first (ties by number, as lists order them). Over an index of every case it took a range per open
    /// status, since escalated and closed cases filled the newest end of one range: a statement that PostgreSQL
    /// took 2.7 ms to plan at every batch, and on SQLite a statement of ranges (then another to load their cases)
    /// that at times walked an index entry by entry, seconds a batch at 100,000 cases (scripts/bench-results.md).
    /// </summary>
    private static async Task<List<Case>> RecentOpenAsync(DispatchDbContext context, GridId grid, string category, DateTimeOffset since)
    {
        var newest = await NewestOpen.For(context)(context, grid, category, since).ToListAsync();
        return [.. newest.OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Number, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The lookup's query. The open statuses are constants, the list and order of the index's filter: SQLite reads a
    /// partial index only for a query that names its filter term for term.
    /// </summary>
    internal static readonly Expression<Func<DispatchDbContext, GridId, string, DateTimeOffset, IQueryable<Case>>> NewestOpenQuery = WithOpenStatuses(
        (context, grid, category, since, open) => context.Cases.AsNoTracking()
            .Where(c => c.GridId == grid && c.CategoryCode == category && open.Contains(c.Status) && c.ReportedAt >= since)
            .OrderByDescending(c => c.ReportedAt)
            .Take(Limit + 1));

    /// <summary><paramref name="query"/> with the open statuses in place of its last parameter, as a constant (an IN list of the statuses).</summary>
    private static Expression<Func<DispatchDbContext, GridId, string, DateTimeOffset, IQueryable<Case>>> WithOpenStatuses(
        Expression<Func<DispatchDbContext, GridId, string, DateTimeOffset, CaseStatus[], IQueryable<Case>>> query) =>
        Expression.Lambda<Func<DispatchDbContext, GridId, string, DateTimeOffset, IQueryable<Case>>>(
            ParameterReplacer.Replace(query.Body, query.Parameters[4], Expression.Constant(OpenStatuses)), query.Parameters.Take(4));

    // Compiled (CompiledQuery): it runs at every batch of reports.
    private static readonly CompiledQuery<Func<DispatchDbContext, GridId, string, DateTimeOffset, IAsyncEnumerable<Case>>> NewestOpen =
        new(() => EF.CompileAsyncQuery(NewestOpenQuery));

    private sealed record Key(GridId Grid, string Category);
}
