using Dispatch.Domain.Evaluation;

namespace Dispatch.Application.Stats.Bulletins;

/// <summary>
/// When bulletins are due: one recurring job per kind at the end of its period, midnight in the node's report time
/// zone (<see cref="Reports.ReportCalendar.Zone"/>), which the jobs' cron expressions must be evaluated in; and how
/// far back a node that was down catches up.
/// </summary>
internal static class BulletinSchedule
{
    /// <summary>The recurring jobs: each runs <see cref="BulletinProducer.ProduceDueAsync(ReportKind, CancellationToken)"/> for its kind.</summary>
    public static IReadOnlyList<BulletinJob> RecurringJobs { get; } =
    [
        new("bulletins-daily", ReportKind.Daily, "0 0 * * *"),
        new("bulletins-weekly", ReportKind.Weekly, "0 0 * * 1"),
        new("bulletins-monthly", ReportKind.Monthly, "0 0 1 * *"),
    ];

    /// <summary>
    /// The most recent completed periods of a kind that a run looks at: a month of days, eight weeks, three months.
    /// Enough to cover a node that was down over a long holiday, small enough that a start-up after a long outage
    /// builds at most 42 reports.
    /// </summary>
    public static int CatchUp(ReportKind kind) => kind switch
    {
        ReportKind.Daily => 31,
        ReportKind.Weekly => 8,
        _ => 3,
    };

    /// <summary>The catch-up window in words, for messages.</summary>
    public const string CatchUpText = "the last 31 days, 8 weeks and 3 months";
}
