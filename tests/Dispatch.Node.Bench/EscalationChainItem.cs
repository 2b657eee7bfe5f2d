namespace Dispatch.Node.Bench;

/// <summary>
/// One escalation's way up the chain, as <see cref="System.Diagnostics.Stopwatch"/> timestamps (0 = not
/// yet). Each field is written once, by whichever task saw that moment, and read after the run.
/// </summary>
internal sealed class EscalationChainItem(long scheduledAt, bool measured)
{
    public long ScheduledAt { get; } = scheduledAt;

    public bool Measured { get; } = measured;

    /// <summary>The village's EscalateCase reply: the escalation is durable at the village.</summary>
    public long VillageEscalated;

    /// <summary>The case showed up on the town's WatchCases stream: durable at the town.</summary>
    public long TownSeen;

    public long TownEscalateSent;

    /// <summary>The town dispatcher's EscalateCase reply.</summary>
    public long TownEscalated;

    /// <summary>The case showed up on the district's WatchCases stream.</summary>
    public long DistrictSeen;

    public string? Error;

    public void Fail(string error) => Interlocked.CompareExchange(ref Error, error, null);
}
