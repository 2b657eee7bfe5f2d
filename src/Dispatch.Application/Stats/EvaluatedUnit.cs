using Dispatch.Domain.Evaluation;

namespace Dispatch.Application.Stats;

/// <summary>One unit's row of an evaluation: which unit, its name as the directory knows it, its counts.</summary>
internal sealed record EvaluatedUnit(UnitKind Kind, string Id, string Name, UnitTally Tally);
