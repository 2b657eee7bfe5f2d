using Dispatch.Application.Stats.Reports;

namespace Dispatch.Application.Stats.Bulletins;

/// <summary>One format of a stored bulletin, as it was produced.</summary>
internal sealed record StoredBulletin(ReportFile File, DateTimeOffset ProducedAt);
