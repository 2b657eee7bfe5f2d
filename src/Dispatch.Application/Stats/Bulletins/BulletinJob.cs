using Dispatch.Domain.Evaluation;

namespace Dispatch.Application.Stats.Bulletins;

/// <summary>A recurring job producing one kind of bulletin: its job id, and its cron (minute hour day month weekday) in the report time zone.</summary>
internal sealed record BulletinJob(string Id, ReportKind Kind, string Cron);
