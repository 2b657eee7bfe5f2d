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
        // Anonymous rows: a set operation is translated over plain columns only.
        var newestOfStatus = (CaseStatus status) => context.Cases
            .Where(c => c.GridId == grid && c.CategoryCode == category && c.Status == status && c.ReportedAt >= since)
            .OrderByDescending(c => c.ReportedAt)
            .Take(Limit + 1)
            .Select(c => new { c.Id, c.ReportedAt, c.Number });

        var ranges = OpenStatuses.Skip(1).Aggregate(newestOfStatus(OpenStatuses[0]), (union, status) => union.Concat(newestOfStatus(status)));
        if (!context.Database.IsSqlite())
        {
            var inRanges = await context.Cases.AsNoTracking().Where(c => ranges.Select(r => r.Id).Contains(c.Id)).ToListAsync();
            return [.. inRanges.OrderByDescending(c => new Recent(c.Id, c.ReportedAt, c.Number)).Take(Limit + 1)];
        }

        var newest = (await ranges.ToListAsync()).Select(r => new Recent(r.Id, r.ReportedAt, r.Number)).OrderDescending().Take(Limit + 1).ToList();
        if (newest.Count == 0)
        {
            return [];
        }

        var ids = newest.Select(r => r.Id).ToList();
        var cases = await context.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        return [.. newest.Select(r => cases[r.Id])];
    }

    /// <summary>A recent case's key and its place in newest-first order (ties by number, as lists order them).</summary>
    private sealed record Recent(Guid Id, DateTimeOffset ReportedAt, string Number) : IComparable<Recent>
    {
        public int CompareTo(Recent? other) =>
            other is null ? 1 : ReportedAt != other.ReportedAt ? ReportedAt.CompareTo(other.ReportedAt) : string.CompareOrdinal(Number, other.Number);
    }

    private sealed record Key(GridId Grid, string Category);
}
