using Dispatch.Domain.Evaluation;

namespace Dispatch.Application.Stats.Bulletins;

/// <summary>What a list of bulletins asks for: one kind or all, and a page.</summary>
internal sealed record BulletinFilter(ReportKind? Kind, int PageSize, string? PageToken);
