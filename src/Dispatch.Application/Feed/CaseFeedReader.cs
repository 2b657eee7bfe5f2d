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
internal sealed class CaseFeedReader(IDbContextFactory<DispatchDbContext> contexts, CaseFeedTail tail, TimeProvider clock, IHostApplicationLifetime lifetime)
{
    internal const int PageSize = 500;

    // Watchers catching up from before the tail's window read the database a few at a time: a thousand streams opened
    // at once from an old sequence would otherwise hold a thousand connections (and their page caches) at once.
    private readonly SemaphoreSlim _storedReads = new(4);

    /// <summary>The feed's last sequence now (0 when empty): a watcher that wants only what happens next starts there.</summary>
    public async Task<long> EndAsync(CallerIdentity caller, CancellationToken cancellationToken)
    {
        CasePermissions.EnsureCanWatch(caller);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await End.For(context)(context) ?? 0;
    }

    /// <summary>The feed's last sequence, null when empty; compiled (<see cref="CompiledQuery{TQuery}"/>), as it is read at every commit.</summary>
    internal static readonly CompiledQuery<Func<DispatchDbContext, Task<long?>>> End = new(() => EF.CompileAsyncQuery(
        (DispatchDbContext context) => context.CaseFeed.Max(e => (long?)e.Sequence)));

    /// <summary>
    /// The feed after <paramref name="fromSequence"/> as the caller may see it, then live. What the node's tail
    /// (<see cref="CaseFeedTail"/>) holds comes from memory; only what lies before it is read from the database.
    /// </summary>
    public async IAsyncEnumerable<CaseFeedNotice> WatchAsync(
        CallerIdentity caller, long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scope = CasePermissions.EnsureCanWatch(caller);
        using var membership = tail.Join();
        var after = fromSequence;
        while (!cancellationToken.IsCancellationRequested)
        {
            var window = tail.Window;
            if (!window.IsRead || after >= window.End)
            {
                await FeedWait.NextAsync(window.Next, Timeout.InfiniteTimeSpan, clock, lifetime.ApplicationStopping, cancellationToken);
                continue;
            }

            var stored = after < window.From;
            IReadOnlyList<FeedRow> rows = stored ? await ReadStoredAsync(after, cancellationToken) : window.After(after);
            foreach (var row in rows)
            {
                after = row.Sequence;
                if (CasePermissions.Sees(caller, scope, row.GridId, Domain.Cases.Assignee.FromFields(row.AssigneeKind, row.AssigneeId)))
                {
                    yield return new CaseFeedNotice(row.Sequence, row.Number, row.Event, row.Status, row.Version, row.GridId);
                }
            }

            if (stored && rows.Count < PageSize)
            {
                // The database held nothing more when read, and the window starts no later than its end then.
                after = Math.Max(after, window.From);
            }
        }
    }

    private async Task<List<FeedRow>> ReadStoredAsync(long after, CancellationToken cancellationToken)
    {
        await _storedReads.WaitAsync(cancellationToken);
        try
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            return await ReadPageAsync(context, after, cancellationToken);
        }
        finally
        {
            _storedReads.Release();
        }
    }

    /// <summary>The feed's last sequence (0 when empty): a watcher that starts there sees only what comes next.</summary>
    public async Task<long> EndAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.CaseFeed.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
    }

    /// <summary>A page of the feed after a sequence.</summary>
    internal static async Task<List<FeedRow>> ReadPageAsync(DispatchDbContext context, long after, CancellationToken cancellationToken) =>
        await PageAfter.For(context)(context, after).ToListAsync(cancellationToken);

    /// <summary>
    /// The feed after a sequence, a page at most, with each entry's event and what decides who sees it. Compiled
    /// (<see cref="CompiledQuery{TQuery}"/>): the tail reads it at every commit.
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
}
