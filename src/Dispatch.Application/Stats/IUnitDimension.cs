using Dispatch.Data;
using Dispatch.Domain.Evaluation;

namespace Dispatch.Application.Stats;

/// <summary>One kind of unit: which cases are a unit's own, and the unit's counts over a period.</summary>
internal interface IUnitDimension
{
    UnitKind Kind { get; }

    /// <summary>The id as the tallies key it (e.g. a lower-case GUID); a malformed id is INVALID_ARGUMENT.</summary>
    string CanonicalId(string unitId);

    /// <summary>
    /// The counts of every unit with activity in <paramref name="period"/> (or only of <paramref name="unitId"/>),
    /// by unit id. A bad <paramref name="unitId"/> is INVALID_ARGUMENT.
    /// </summary>
    Task<IReadOnlyDictionary<string, UnitTally>> TallyAsync(DispatchDbContext db, EvaluationPeriod period, string? unitId, CancellationToken cancellationToken);
}
