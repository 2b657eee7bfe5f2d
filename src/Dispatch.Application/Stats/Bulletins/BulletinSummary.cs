using Dispatch.Domain.Evaluation;

namespace Dispatch.Application.Stats.Bulletins;

/// <summary>A stored bulletin without its contents: the period, when it was produced, and the size of each format in bytes.</summary>
internal sealed record BulletinSummary(
    ReportKind Kind,
    DateOnly FirstDay,
    DateTimeOffset From,
    DateTimeOffset To,
    string TimeZone,
    DateTimeOffset ProducedAt,
    int CsvSize,
    int HtmlSize);
