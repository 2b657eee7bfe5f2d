using System.Runtime.CompilerServices;
using Dispatch.Application.Cases;
using Dispatch.Application.Security;
using Dispatch.Data;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Feed;

/// <summary>
/// Streams the node's case feed from a sequence number on, then follows new commits. A watcher that
/// reconnects with the last sequence it saw misses nothing and sees nothing twice.
/// </summary>
internal sealed class CaseFeedReader(IDbContextFactory<DispatchDbContext> contexts, CaseFeedSignal signal, TimeProvider clock, IHostApplicationLifetime lifetime)
{
    private const int PageSize = 500;

    // Other replicas' commits do not raise this process's signal: poll now and then as well.
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The feed's last sequence now (0 when empty): a watcher that wants only what happens next starts there.</summary>
    public async Task<long> EndAsync(CallerIdentity caller, CancellationToken cancellationToken)
    {
        CasePermissions.EnsureCanWatch(caller);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await End.For(context)(context) ?? 0;
    }

    /// <summary>The feed's last sequence, null when empty; compiled (<see cref="CompiledQuery{TQuery}"/>), as streams read it at every commit.</summary>
    internal static readonly CompiledQuery<Func<DispatchDbContext, Task<long?>>> End = new(() => EF.CompileAsyncQuery(
        (DispatchDbContext context) => context.CaseFeed.Max(e => (long?)e.Sequence)));

    public async IAsyncEnumerable<CaseFeedNotice> WatchAsync(
        CallerIdentity caller, long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scope = CasePermissions.EnsureCanWatch(caller);
        var after = fromSequence;
        await using var feed = new FeedContext(contexts);
        while (!cancellationToken.IsCancellationRequested)
        {
            // Taken before reading, so a commit between the read and the wait is not missed.
            var nextCommit = signal.NextCommit;
            var page = await feed.ReadAsync(context => ReadAsync(context, after, cancellationToken), cancellationToken);
            foreach (var (notice, gridId, assignee) in page)
            {
                after = notice.Sequence;
                if (CasePermissions.Sees(caller, scope, gridId, assignee))
                {
                    yield return notice;
                }
            }

            if (page.Count < PageSize)
            {
                await FeedWait.NextAsync(nextCommit, PollInterval, clock, lifetime.ApplicationStopping, cancellationToken);
            }
        }
    }

    /// <summary>The feed's last sequence (0 when empty): a watcher that starts there sees only what comes next.</summary>
    public async Task<long> EndAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.CaseFeed.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
    }

    private static async Task<List<(CaseFeedNotice Notice, Domain.Geography.GridId Grid, Domain.Cases.Assignee? Assignee)>> ReadAsync(
        DispatchDbContext context, long after, CancellationToken cancellationToken)
    {
        var rows = await PageAfter.For(context)(context, after).ToListAsync(cancellationToken);
        return rows.ConvertAll(row => (
            new CaseFeedNotice(row.Sequence, row.Number, row.Event, row.Status, row.Version, row.GridId),
            row.GridId,
            Domain.Cases.Assignee.FromFields(row.AssigneeKind, row.AssigneeId)));
    }

    /// <summary>
    /// The feed after a sequence, a page at most, with each entry's event and what decides who sees it. Compiled
    /// (<see cref="CompiledQuery{TQuery}"/>): every watcher reads at every commit.
    /// </summary>
    private static readonly CompiledQuery<Func<DispatchDbContext, long, IAsyncEnumerable<FeedRow>>> PageAfter = new(() => EF.CompileAsyncQuery(
        (DispatchDbContext context, long after) => (
            from entry in context.CaseFeed.AsNoTracking()
            where entry.Sequence > after
            orderby entry.Sequence
            join caseEvent in context.CaseEvents.AsNoTracking() on new { entry.CaseId, Sequence = entry.Version } equals new { caseEvent.CaseId, caseEvent.Sequence }
            join @case in context.Cases.AsNoTracking() on entry.CaseId equals @case.Id
            select new FeedRow(entry.Sequence, entry.Status, entry.Version, caseEvent, @case.Number, @case.GridId, @case.AssigneeKind, @case.AssigneeId))
            .Take(PageSize)));

    private sealed record FeedRow(
        long Sequence,
        Domain.Cases.CaseStatus Status,
        int Version,
        Domain.Cases.CaseEvent Event,
        string Number,
        Domain.Geography.GridId GridId,
        Domain.Cases.AssigneeKind? AssigneeKind,
        Guid? AssigneeId);
}
