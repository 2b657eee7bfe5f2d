using Dispatch.Application.Security;
using Dispatch.Application.Stats.Reports;
using Dispatch.Data;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Stats;

/// <summary>
/// What the evaluation charts show beside the units' rows: the node's figures week by week, and the deadline breaches
/// of a period by category. Same caller check and same counting as <see cref="EvaluationQueries"/>.
/// </summary>
internal sealed class EvaluationCharts(IDbContextFactory<DispatchDbContext> contexts, EvaluationQueries queries, ReportCalendar calendar, CategoryCatalogue catalogue, TimeProvider clock)
{
    public const int MaxWeeks = 26;

    /// <summary>
    /// The node's totals (every case is in one grid, so the grids' figures added up) for the running week and the
    /// <paramref name="weeks"/> - 1 weeks before it, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<(ReportPeriod Week, UnitTally Totals)>> WeeklyAsync(CallerIdentity caller, int weeks, CancellationToken cancellationToken)
    {
        StatsPermissions.EnsureCanEvaluate(caller);
        if (weeks < 1 || weeks > MaxWeeks)
        {
            throw new Errors.InvalidRequestException("weeks", $"must be 1 to {MaxWeeks}.");
        }

        var periods = new List<ReportPeriod> { calendar.Current(ReportKind.Weekly, clock.GetUtcNow()) };
        periods.AddRange(calendar.Completed(ReportKind.Weekly, clock.GetUtcNow(), weeks - 1));
        periods.Reverse();
        var trend = new List<(ReportPeriod, UnitTally)>(periods.Count);
        foreach (var week in periods)
        {
            var grids = await queries.EvaluateAsync(caller, UnitKind.Grid, null, EvaluationPeriod.Create(week.From, week.To), cancellationToken);
            trend.Add((week, grids.Aggregate(UnitTally.Empty, (sum, g) => sum.Add(g.Tally))));
        }

        return trend;
    }

    /// <summary>
    /// Deadline breaches in the period (the overdue count of the evaluation: events of the breach in the period) per
    /// category, the most first: one range of the events' (type, time) index, grouped in the database.
    /// </summary>
    public async Task<IReadOnlyList<(string Code, string Name, int Count)>> OverdueByCategoryAsync(CallerIdentity caller, EvaluationPeriod period, CancellationToken cancellationToken)
    {
        StatsPermissions.EnsureCanEvaluate(caller);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (from, to) = (period.From, period.To);
        var rows = await db.CaseEvents.AsNoTracking()
            .Where(e => e.Type == CaseEventType.CaseMarkedOverdue && e.At >= from && e.At < to)
            .Join(db.Cases.AsNoTracking(), e => e.CaseId, c => c.Id, (e, c) => c.CategoryCode)
            .GroupBy(code => code)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => (r.Code, catalogue.Find(r.Code)?.Name ?? r.Code, r.Count))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Code, StringComparer.Ordinal)];
    }
}
