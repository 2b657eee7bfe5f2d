using Hangfire.Common;

namespace Dispatch.Node.Scheduling;

/// <summary>
/// A recurring job of the node, registered with Hangfire when the node starts (see
/// <see cref="SchedulingSetup.AddRecurringJob{TJob}"/>).
/// </summary>
/// <param name="Id">The job's id in Hangfire (and on the dashboard).</param>
/// <param name="Job">What runs: a public method of a class the node's container can build.</param>
/// <param name="Cron">Its schedule from the node's settings (cron, a seconds field allowed); null removes the job.</param>
/// <param name="TimeZone">The time zone the schedule is read in; UTC when absent.</param>
/// <param name="RunAtStart">Also run it once when the node starts (a job that catches up what fell due while it was down).</param>
internal sealed record RecurringJobDefinition(
    string Id,
    Job Job,
    Func<IServiceProvider, string?> Cron,
    Func<IServiceProvider, TimeZoneInfo>? TimeZone = null,
    bool RunAtStart = false);
