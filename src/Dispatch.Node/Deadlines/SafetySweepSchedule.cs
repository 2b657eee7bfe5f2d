using Dispatch.Application.Deadlines;
using Dispatch.Data;
using Hangfire;

namespace Dispatch.Node.Deadlines;

/// <summary>The recurring safety sweep's cron, from <see cref="DeadlineOptions.SafetySweep"/>.</summary>
internal static class SafetySweepSchedule
{
    /// <summary>The default on a shared database, where another replica's commit may bring an alarm earlier than this one's trigger.</summary>
    public static readonly TimeSpan Replicated = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Null when deadlines are off (no job). With no safety sweep (the default on SQLite, a single process) the job
    /// still exists, never due by itself, so it shows on the dashboard and can be started there or by Hangfire's API.
    /// </summary>
    public static string? Cron(DeadlineSettings deadlines, DatabaseSettings database)
    {
        if (!deadlines.Enabled)
        {
            return null;
        }

        var every = deadlines.Options.SafetySweep ?? (database.Provider == DatabaseProvider.Sqlite ? TimeSpan.Zero : Replicated);
        return every <= TimeSpan.Zero ? Hangfire.Cron.Never() : CronEvery(every);
    }

    /// <summary>Cron with a seconds field for an interval that divides a minute, an hour or a day evenly.</summary>
    public static string CronEvery(TimeSpan every)
    {
        if (every.Ticks % TimeSpan.TicksPerSecond == 0)
        {
            var seconds = (long)every.TotalSeconds;
            if (seconds < 60 && 60 % seconds == 0)
            {
                return $"*/{seconds} * * * * *";
            }

            if (seconds % 60 == 0 && seconds < 3600 && 60 % (seconds / 60) == 0)
            {
                return $"0 */{seconds / 60} * * * *";
            }

            if (seconds % 3600 == 0 && seconds <= 86400 && 24 % (seconds / 3600) == 0)
            {
                return $"0 0 */{seconds / 3600} * * *";
            }
        }

        throw new InvalidOperationException(
            $"Deadlines:SafetySweep '{every}' cannot be a recurring schedule: use whole seconds, minutes or hours that divide a minute, an hour or a day (e.g. 00:00:30, 00:05:00, 01:00:00).");
    }
}
