namespace Dispatch.Application.Stats;

/// <summary>A case closed in the period, with what its time to close is computed from.</summary>
internal sealed class ClosedRow<TKey>
{
    public required TKey Key { get; init; }

    public DateTimeOffset ReportedAt { get; init; }

    public DateTimeOffset ClosedAt { get; init; }

    public TimeSpan Paused { get; init; }
}
