using System.Text.Json;
using Dispatch.Application.Cases;
using Dispatch.Application.Writing;
using Dispatch.Data;
using Dispatch.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Deadlines;

/// <summary>
/// Applies a changed deadline policy to the cases already running: each open case whose deadline the new
/// policy puts elsewhere is rescheduled (its clock still starting at its report or arrival, plus the time it
/// spent deferred), in chunks through the single writer, in the background. Deferred cases keep theirs until
/// they resume (a deferred case cannot be rescheduled). The policy's fingerprint is kept in the node's database (<see cref="PolicyRecord"/>),
/// so a restart with the same settings changes nothing.
/// </summary>
internal sealed partial class PolicyRollout(
    IDbContextFactory<DispatchDbContext> contexts,
    CaseWriter writer,
    TimeProvider clock,
    ILogger<PolicyRollout> logger)
{
    public const int Chunk = 500;

    /// <summary>A text that changes whenever a setting that decides a deadline changes.</summary>
    public static string Fingerprint(DeadlinePolicy policy) => JsonSerializer.Serialize(new
    {
        Whistle = policy.ByWhistle.OrderBy(p => p.Key).Select(p => Describe(p.Key.ToString(), p.Value)),
        Category = policy.ByCategory.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Describe(p.Key, p.Value)),
        policy.ReminderShare,
    });

    /// <summary>Reschedules every running case the policy now gives another deadline; returns how many.</summary>
    public async Task<int> ApplyAsync(DeadlinePolicy policy, CancellationToken cancellationToken)
    {
        var changed = 0;
        var after = Guid.Empty;
        while (true)
        {
            List<Guid> ids;
            await using (var context = await contexts.CreateDbContextAsync(cancellationToken))
            {
                ids = await context.Cases.AsNoTracking()
                    .Where(c => c.Id.CompareTo(after) > 0 && c.DueAt != null && c.NextAlarmAt != null)
                    .OrderBy(c => c.Id).Select(c => c.Id).Take(Chunk).ToListAsync(cancellationToken);
            }

            if (ids.Count == 0)
            {
                break;
            }

            after = ids[^1];
            var results = await Task.WhenAll(ids.Select(id => writer.WriteAsync(context => RescheduleAsync(context, id, policy), cancellationToken)));
            changed += results.Count(r => r);
        }

        LogApplied(logger, changed);
        return changed;
    }

    private async Task<bool> RescheduleAsync(DispatchDbContext context, Guid id, DeadlinePolicy policy)
    {
        var @case = await CaseRows.FindAsync(context, id);
        if (@case is not { ClockRuns: true })
        {
            return false;
        }

        var deadline = policy.For(@case.Whistle, @case.CategoryCode, @case.ReportedAt);
        var dueAt = deadline.DueAt + @case.PausedTotal;
        var remindAt = deadline.RemindAt + @case.PausedTotal;
        if (dueAt == @case.DueAt && remindAt == @case.RemindAt)
        {
            return false;
        }

        var before = @case.Version;
        @case.Reschedule(clock.GetUtcNow(), dueAt, remindAt, "The node's deadline policy changed.");
        CaseRows.AppendToFeed(context, @case, before);
        return true;
    }

    private static string Describe(string key, DeadlineRule rule)
    {
        if (rule.Calendar is not { } calendar)
        {
            return $"{key}={rule.Limit.Ticks}";
        }

        return $"{key}={rule.Limit.Ticks}@{calendar.Name}:{calendar.UtcOffset.Ticks}:{calendar.DayStart:HH:mm}-{calendar.DayEnd:HH:mm}:" +
            $"{string.Join(',', calendar.WorkingDays.Order())}:{string.Join(',', calendar.Holidays.Order())}:{string.Join(',', calendar.ExtraWorkingDays.Order())}";
    }

    [LoggerMessage(1, LogLevel.Information, "Deadlines: the policy changed; {Count} running cases rescheduled.")]
    private static partial void LogApplied(ILogger logger, int count);
}
