namespace Dispatch.Application.Stats;

/// <summary>The period evaluated (its open ends filled in) and one row per unit.</summary>
internal sealed record EvaluationResult(EvaluationPeriod Period, IReadOnlyList<EvaluatedUnit> Units);
