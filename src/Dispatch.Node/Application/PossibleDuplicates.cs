using System.Linq.Expressions;
using Dispatch.Data;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Node.Application;

/// <summary>
/// Open cases in the same grid and category reported in the last 72 hours, newest first: what a report
/// returns as possible duplicates. Found inside the writer's batch, so the reports of one batch share one
/// query per grid and category, and each also sees the cases reported before it in the same batch.
/// </summary>
internal static class PossibleDuplicates
{
    public const int Limit = 10;
    public static readonly TimeSpan Window = TimeSpan.FromHours(72);

    private static readonly CaseStatus[] OpenStatuses = Enum.GetValues<CaseStatus>().Where(CaseLifecycle.IsOpen).ToArray();

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
    /// The newest open cases of a grid and category: per open status, the newest few (a range of the
    /// (grid, category, status, reported_at) index each), then the newest of those. One range over all open
    /// statuses walked every case of the grid and category in the window, escalated and closed ones too, to
    /// find open ones: at a village that escalates most of what it gets, a scan per commit that grew all day.
    /// The ranges are one statement of three narrow columns, and only the newest are then loaded whole: a
    /// statement per status cost a round trip each, and one statement of whole cases (every column, joined
    /// again for the origin) took SQLite longer to parse than to run, 2 ms of every intake commit. On
    /// PostgreSQL, where the second statement cost a round trip of the writer instead, the ranges are a
    /// subquery of one statement that loads the cases in them whole.
    /// </summary>
    private static async Task<List<Case>> RecentOpenAsync(DispatchDbContext context, GridId grid, string category, DateTimeOffset since)
    {
        if (!context.Database.IsSqlite())
        {
            var inRanges = await CasesInRanges.For(context)(context, grid, category, since).ToListAsync();
            return [.. inRanges.OrderByDescending(c => new Recent(c.Id, c.ReportedAt, c.Number)).Take(Limit + 1)];
        }

        var ranges = await Ranges.For(context)(context, grid, category, since).ToListAsync();
        var newest = ranges.OrderDescending().Take(Limit + 1).ToList();
        if (newest.Count == 0)
        {
            return [];
        }

        var cases = await CasesById.For(context)(context, newest.ConvertAll(r => r.Id)).ToDictionaryAsync(c => c.Id);
        return newest.ConvertAll(r => cases[r.Id]);
    }

    // The queries are compiled (CompiledQuery): they run at every report, and their expression trees (a union of a
    // range per open status) cost EF more to take apart for parameters and look up in its cache than to run.
    private static readonly CompiledQuery<Func<DispatchDbContext, GridId, string, DateTimeOffset, IAsyncEnumerable<Recent>>> Ranges =
        new(() => EF.CompileAsyncQuery(Shapes.Ranges));

    private static readonly CompiledQuery<Func<DispatchDbContext, List<Guid>, IAsyncEnumerable<Case>>> CasesById =
        new(() => EF.CompileAsyncQuery((DispatchDbContext context, List<Guid> ids) => context.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))));

    private static readonly CompiledQuery<Func<DispatchDbContext, GridId, string, DateTimeOffset, IAsyncEnumerable<Case>>> CasesInRanges =
        new(() => EF.CompileAsyncQuery(Shapes.CasesInRanges));

    private static readonly (Expression<Func<DispatchDbContext, GridId, string, DateTimeOffset, IQueryable<Recent>>> Ranges,
        Expression<Func<DispatchDbContext, GridId, string, DateTimeOffset, IQueryable<Case>>> CasesInRanges) Shapes = QueryShapes(
            (context, grid, category, since, status) => context.Cases
                .Where(c => c.GridId == grid && c.CategoryCode == category && c.Status == status && c.ReportedAt >= since)
                .OrderByDescending(c => c.ReportedAt)
                .Take(Limit + 1)
                .Select(c => new { c.Id, c.ReportedAt, c.Number }),
            row => new Recent(row.Id, row.ReportedAt, row.Number),
            row => row.Id);

    /// <summary>
    /// From the newest few cases of one status, <paramref name="newestOfStatus"/>, the two shapes of <c>(context, grid,
    /// category, since)</c> the lookup runs: the union of the ranges of every open status, and the whole cases in them.
    /// The rows of a range are anonymous (a set operation is translated over plain columns only), hence the generic row.
    /// </summary>
    private static (Expression<Func<DispatchDbContext, GridId, string, DateTimeOffset, IQueryable<Recent>>>,
        Expression<Func<DispatchDbContext, GridId, string, DateTimeOffset, IQueryable<Case>>>) QueryShapes<TRow>(
        Expression<Func<DispatchDbContext, GridId, string, DateTimeOffset, CaseStatus, IQueryable<TRow>>> newestOfStatus,
        Expression<Func<TRow, Recent>> toRecent,
        Expression<Func<TRow, Guid>> idOf)
    {
        var parameters = newestOfStatus.Parameters.Take(4).ToArray();
        var union = OpenStatuses
            .Select(status => ParameterReplacer.Replace(newestOfStatus.Body, newestOfStatus.Parameters[4], Expression.Constant(status)))
            .Aggregate((left, right) => Expression.Call(typeof(Queryable), nameof(Queryable.Concat), [typeof(TRow)], left, right));
        var ranges = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(TRow), typeof(Recent)], union, Expression.Quote(toRecent));

        // context.Cases.AsNoTracking().Where(c => union.Select(idOf).Contains(c.Id))
        Expression<Func<DispatchDbContext, IQueryable<Case>>> allCases = context => context.Cases.AsNoTracking();
        var @case = Expression.Parameter(typeof(Case), "c");
        var ids = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(TRow), typeof(Guid)], union, Expression.Quote(idOf));
        var inRanges = Expression.Lambda<Func<Case, bool>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)], ids, Expression.Property(@case, nameof(Case.Id))), @case);
        var cases = Expression.Call(
            typeof(Queryable),
            nameof(Queryable.Where),
            [typeof(Case)],
            ParameterReplacer.Replace(allCases.Body, allCases.Parameters[0], parameters[0]),
            Expression.Quote(inRanges));
        return (
            Expression.Lambda<Func<DispatchDbContext, GridId, string, DateTimeOffset, IQueryable<Recent>>>(ranges, parameters),
            Expression.Lambda<Func<DispatchDbContext, GridId, string, DateTimeOffset, IQueryable<Case>>>(cases, parameters));
    }

    /// <summary>A recent case's key and its place in newest-first order (ties by number, as lists order them).</summary>
    private sealed record Recent(Guid Id, DateTimeOffset ReportedAt, string Number) : IComparable<Recent>
    {
        public int CompareTo(Recent? other) =>
            other is null ? 1 : ReportedAt != other.ReportedAt ? ReportedAt.CompareTo(other.ReportedAt) : string.CompareOrdinal(Number, other.Number);
    }

    private sealed record Key(GridId Grid, string Category);
}
