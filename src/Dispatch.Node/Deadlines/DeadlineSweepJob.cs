using Hangfire;

namespace Dispatch.Node.Deadlines;

/// <summary>The deadline jobs Hangfire runs: the trigger at the earliest pending alarm, and the recurring safety sweep.</summary>
internal sealed class DeadlineSweepJob(AlarmScheduler scheduler)
{
    /// <summary>The recurring safety sweep's id (on the dashboard too).</summary>
    public const string SafetySweepId = "deadlines-safety-sweep";

    /// <summary>Sweeps at <paramref name="at"/>, never before (Hangfire may start the job up to a second early).</summary>
    [JobDisplayName("Deadlines: sweep at {0:O}")]
    public Task SweepAtAsync(DateTimeOffset at, CancellationToken cancellationToken) => scheduler.SweepAtAsync(at, cancellationToken);

    /// <summary>Sweeps now: whatever a lost or late trigger left due.</summary>
    [JobDisplayName("Deadlines: safety sweep")]
    public Task SafetySweepAsync(CancellationToken cancellationToken) => scheduler.SafetySweepAsync(cancellationToken);
}
