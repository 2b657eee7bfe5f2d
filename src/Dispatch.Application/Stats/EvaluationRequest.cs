using Dispatch.Domain.Evaluation;

namespace Dispatch.Application.Stats;

/// <summary>The evaluation of one kind of unit (or one unit of it) over a period; an open end defaults as <see cref="EvaluationPeriod"/> says.</summary>
internal sealed record EvaluationRequest(UnitKind Kind, string? UnitId, DateTimeOffset? From, DateTimeOffset? To);
