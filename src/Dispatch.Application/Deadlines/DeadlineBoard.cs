using Dispatch.Application.Cases;
using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Data;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Deadlines;

/// <summary>
/// The deadlines board: the open cases marked overdue, and those at risk (not overdue, deadline within a horizon
/// from now on the node's clock), each soonest deadline first, within the caller's scope.
/// </summary>
internal sealed class DeadlineBoard(IDbContextFactory<DispatchDbContext> contexts, CaseQueries cases, TimeProvider clock)
{
    public const int Limit = 200;

    public static readonly TimeSpan MaxHorizon = TimeSpan.FromDays(7);

    /// <summary>Open cases marked overdue, the longest overdue first; <c>More</c> when there are more than <see cref="Limit"/>.</summary>
    public async Task<(IReadOnlyList<Case> Cases, bool More)> OverdueAsync(CallerIdentity caller, CancellationToken cancellationToken)
    {
        var filter = new CaseFilter { OverdueOnly = true, DueFirst = true, Statuses = CaseLifecycle.OpenStatuses, PageSize = Limit };
        var (page, next) = await cases.ListAsync(caller, filter, cancellationToken);
        return (page, next.Length > 0);
    }

    /// <summary>
    /// Running cases not marked overdue whose deadline is before now + <paramref name="horizon"/>, soonest first;
    /// a case whose deadline passed moments ago and that the deadline sweep has not reached yet is among them.
    /// </summary>
    public async Task<(IReadOnlyList<Case> Cases, bool More)> AtRiskAsync(CallerIdentity caller, TimeSpan horizon, CancellationToken cancellationToken)
    {
        CasePermissions.EnsureCanList(caller);
        if (horizon <= TimeSpan.Zero || horizon > MaxHorizon)
        {
            throw new InvalidRequestException("horizon", $"must be more than zero and at most {MaxHorizon.TotalDays:0} days.");
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var page = await CaseQueries.Scope(DueBefore(context, clock.GetUtcNow() + horizon), caller).Take(Limit + 1).ToListAsync(cancellationToken);
        var more = page.Count > Limit;
        return ([.. page.Where(c => c.DueAt is not null).OrderBy(c => c.DueAt).ThenBy(c => c.Number, StringComparer.Ordinal).Take(Limit)], more);
    }

    /// <summary>
    /// Not-overdue cases with a deadline before <paramref name="until"/>, by next alarm: a range of the next-alarm index,
    /// which holds only running cases with an alarm to come (a not-overdue case's next alarm is at or before its deadline).
    /// "Not overdue" is asked as "overdue is not true", which no index serves: as an equality SQLite read the whole
    /// overdue index's range of not-overdue cases (most of a node's history) instead.
    /// </summary>
    internal static IQueryable<Case> DueBefore(DispatchDbContext context, DateTimeOffset until)
    {
        var overdue = true;
        return context.Cases.AsNoTracking()
            .Where(c => c.NextAlarmAt < until && c.Overdue != overdue && c.DueAt < until)
            .OrderBy(c => c.NextAlarmAt);
    }
}
