using Dispatch.Application.Security;
using Dispatch.Data;
using Dispatch.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Stats;

/// <summary>Evaluation of a node's units over a period (formulas in stats.proto and <see cref="UnitTally"/>).</summary>
internal sealed class EvaluationQueries(IDbContextFactory<DispatchDbContext> contexts)
{
    /// <summary>The evaluation use case: the caller may evaluate, the kind is known, the period valid.</summary>
    public async Task<EvaluationResult> EvaluateAsync(CallerIdentity caller, EvaluationRequest request, CancellationToken cancellationToken)
    {
        StatsPermissions.EnsureCanEvaluate(caller);
        UnitDimensions.For(request.Kind);
        var period = EvaluationPeriod.Create(request.From, request.To);
        return new EvaluationResult(period, await EvaluateAsync(caller, request.Kind, request.UnitId, period, cancellationToken));
    }

    /// <summary>
    /// One row per unit of <paramref name="kind"/> with activity in the period, or only the unit
    /// <paramref name="unitId"/> (with zeros when it had none), ordered by name, then id.
    /// </summary>
    public async Task<IReadOnlyList<EvaluatedUnit>> EvaluateAsync(
        CallerIdentity caller, UnitKind kind, string? unitId, EvaluationPeriod period, CancellationToken cancellationToken)
    {
        StatsPermissions.EnsureCanEvaluate(caller);
        var dimension = UnitDimensions.For(kind);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await EvaluateAsync(db, dimension, unitId, period, cancellationToken);
    }

    /// <summary>
    /// Every kind of unit at once, in report order, on one connection. No caller: the report use case checks its
    /// caller, and the node builds bulletins as itself.
    /// </summary>
    public async Task<IReadOnlyDictionary<UnitKind, IReadOnlyList<EvaluatedUnit>>> EvaluateAllAsync(
        EvaluationPeriod period, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = new Dictionary<UnitKind, IReadOnlyList<EvaluatedUnit>>();
        foreach (var kind in UnitDimensions.All)
        {
            all[kind] = await EvaluateAsync(db, UnitDimensions.For(kind), null, period, cancellationToken);
        }

        return all;
    }

    /// <summary>Cases reported in each of <paramref name="buckets"/> (one index range count each).</summary>
    public async Task<IReadOnlyList<int>> CountReportedAsync(
        IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> buckets, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = new List<int>(buckets.Count);
        foreach (var (from, to) in buckets)
        {
            counts.Add(await db.Cases.CountAsync(c => c.ReportedAt >= from && c.ReportedAt < to, cancellationToken));
        }

        return counts;
    }

    private static async Task<IReadOnlyList<EvaluatedUnit>> EvaluateAsync(
        DispatchDbContext db, IUnitDimension dimension, string? unitId, EvaluationPeriod period, CancellationToken cancellationToken)
    {
        unitId = unitId is null ? null : dimension.CanonicalId(unitId);
        var tallies = await dimension.TallyAsync(db, period, unitId, cancellationToken);
        if (unitId is not null && !tallies.ContainsKey(unitId))
        {
            tallies = new Dictionary<string, UnitTally> { [unitId] = UnitTally.Empty };
        }

        var names = await UnitNames.LookUpAsync(db, dimension.Kind, tallies.Keys.ToList(), cancellationToken);
        return tallies
            .Select(pair => new EvaluatedUnit(dimension.Kind, pair.Key, names[pair.Key], pair.Value))
            .OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Id, StringComparer.Ordinal)
            .ToList();
    }
}
