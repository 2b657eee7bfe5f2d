using System.Linq.Expressions;
using Dispatch.Data;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Stats;

/// <summary>
/// The evaluation queries for one kind of unit, keyed by <typeparamref name="TKey"/> (a department or user
/// id, a grid, a child node id). Each query reads one period through one indexed time column (report time,
/// deadline, closing time, event time) and counts in the database, grouped by unit; only the cases closed
/// in the period come back as rows, three values each, for the time to close.
/// </summary>
internal sealed class UnitDimension<TKey>(
    UnitKind kind,
    Expression<Func<Case, bool>> members,
    Expression<Func<Case, TKey>> key,
    Func<string, TKey> parseId,
    Func<TKey, string> formatId) : IUnitDimension
    where TKey : notnull
{
    private static readonly CaseEventType[] CountedEvents =
        [CaseEventType.CaseReturned, CaseEventType.CaseMarkedOverdue, CaseEventType.CaseSupervised, CaseEventType.CaseRated];

    public UnitKind Kind => kind;

    public string CanonicalId(string unitId) => formatId(parseId(unitId));

    public async Task<IReadOnlyDictionary<string, UnitTally>> TallyAsync(
        DispatchDbContext db, EvaluationPeriod period, string? unitId, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking().Where(members);
        if (unitId is not null)
        {
            cases = cases.Where(KeyedExpression.KeyIs(key, parseId(unitId)));
        }

        var (from, to) = (period.From, period.To);
        var tallies = new Dictionary<TKey, UnitTally>();
        void Update(TKey unit, Func<UnitTally, UnitTally> change) =>
            tallies[unit] = change(tallies.GetValueOrDefault(unit) ?? UnitTally.Empty);

        var intake = await cases.Where(c => c.ReportedAt >= from && c.ReportedAt < to).GroupBy(key)
            .Select(g => new CountRow<TKey>
            {
                Key = g.Key,
                Total = g.Count(),
                First = g.Count(c => c.Status != CaseStatus.Rejected && c.Status != CaseStatus.Merged),
                Second = g.Count(c => c.Status != CaseStatus.Rejected && c.Status != CaseStatus.Merged && c.ClosedAt < to),
            })
            .ToListAsync(cancellationToken);
        foreach (var row in intake)
        {
            Update(row.Key, t => t with { Reported = row.Total, Registered = row.First, RegisteredClosed = row.Second });
        }

        var due = await cases.Where(c => c.DueAt >= from && c.DueAt < to && c.Status != CaseStatus.Rejected && c.Status != CaseStatus.Merged)
            .GroupBy(key)
            .Select(g => new CountRow<TKey>
            {
                Key = g.Key,
                Total = g.Count(),
                First = g.Count(c => c.Status == CaseStatus.Deferred),
                Second = g.Count(c => c.Status != CaseStatus.Deferred && c.ClosedAt != null && c.ClosedAt <= c.DueAt),
            })
            .ToListAsync(cancellationToken);
        foreach (var row in due)
        {
            Update(row.Key, t => t with { DueInPeriod = row.Total, Deferred = row.First, ClosedOnTime = row.Second });
        }

        // Durations are added up here: SQLite keeps times as ticks and PostgreSQL as timestamps, and the
        // rows are few (three values per case closed in the period).
        var closed = await cases.Where(c => c.ClosedAt >= from && c.ClosedAt < to)
            .Select(KeyedExpression.Select<TKey, ClosedRow<TKey>>(
                (c, k) => new ClosedRow<TKey> { Key = k, ReportedAt = c.ReportedAt, ClosedAt = c.ClosedAt!.Value, Paused = c.PausedTotal }, key))
            .ToListAsync(cancellationToken);
        foreach (var row in closed)
        {
            Update(row.Key, t => t with { Closed = t.Closed + 1, TimeToCloseTotal = t.TimeToCloseTotal + UnitTally.TimeToClose(row.ReportedAt, row.ClosedAt, row.Paused) });
        }

        var events = await db.CaseEvents.AsNoTracking()
            .Where(e => CountedEvents.Contains(e.Type) && e.At >= from && e.At < to)
            .Join(cases, e => e.CaseId, c => c.Id, KeyedExpression.Join<TKey, EventRow<TKey>>(
                (e, c, k) => new EventRow<TKey> { Key = k, Type = e.Type, Satisfaction = e.Satisfaction ?? 0 }, key))
            .GroupBy(r => new { r.Key, r.Type })
            .Select(g => new { g.Key.Key, g.Key.Type, Count = g.Count(), Sum = g.Sum(r => r.Satisfaction) })
            .ToListAsync(cancellationToken);
        foreach (var row in events)
        {
            Update(row.Key, t => row.Type switch
            {
                CaseEventType.CaseReturned => t with { ReworkCount = row.Count },
                CaseEventType.CaseMarkedOverdue => t with { OverdueCount = row.Count },
                CaseEventType.CaseSupervised => t with { SupervisionCount = row.Count },
                _ => t with { Rated = row.Count, SatisfactionTotal = row.Sum },
            });
        }

        if (kind == UnitKind.ChildNode)
        {
            await TallyReturnedAsync(db, cases, period, Update, cancellationToken);
            foreach (var unit in tallies.Keys.ToList())
            {
                Update(unit, t => t with { EscalationsReceived = t.Reported });
            }
        }

        return tallies.ToDictionary(pair => formatId(pair.Key), pair => pair.Value);
    }

    /// <summary>Of the escalations received in the period (reported here), those handed back to the child since.</summary>
    private async Task TallyReturnedAsync(
        DispatchDbContext db, IQueryable<Case> cases, EvaluationPeriod period, Action<TKey, Func<UnitTally, UnitTally>> update, CancellationToken cancellationToken)
    {
        var (from, to) = (period.From, period.To);
        var returned = await cases
            .Where(c => c.ReportedAt >= from && c.ReportedAt < to && db.CaseEvents.Any(e => e.CaseId == c.Id && e.Type == CaseEventType.CaseEscalationReturned))
            .GroupBy(key)
            .Select(g => new CountRow<TKey> { Key = g.Key, Total = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var row in returned)
        {
            update(row.Key, t => t with { EscalationsReturned = row.Total });
        }
    }
}
