using System.Runtime.CompilerServices;
using Dispatch.Application.Feed;
using Dispatch.Data;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Escalation;

/// <summary>Parent side: the feed of one child's escalated cases, from a sequence on, then live.</summary>
internal sealed class EscalationFeed(IDbContextFactory<DispatchDbContext> contexts, CaseFeedSignal signal, TimeProvider clock, IHostApplicationLifetime lifetime)
{
    private const int PageSize = 200;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public async IAsyncEnumerable<EscalationUpdate> WatchAsync(string childId, long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = fromSequence;
        await using var feed = new FeedContext(contexts);
        while (!cancellationToken.IsCancellationRequested)
        {
            var nextCommit = signal.NextCommit;
            var (page, scannedTo) = await feed.ReadAsync(context => ReadAsync(context, childId, after, cancellationToken), cancellationToken);
            foreach (var update in page)
            {
                after = update.Sequence;
                yield return update;
            }

            if (page.Count < PageSize)
            {
                after = Math.Max(after, scannedTo);
                await FeedWait.NextAsync(nextCommit, PollInterval, clock, lifetime.ApplicationStopping, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The child's updates after <paramref name="after"/> (a page at most), and how far the feed was read: its end
    /// when the read began. Entries of other cases are read too, and not again: the next read starts past them.
    /// Reading from the child's last update instead made a child whose cases were quiet (or one that never
    /// escalates) cost a scan of the whole feed since then at every commit of the parent, growing all day: a
    /// third of a town's CPU in the escalation benchmark, for a village that sent nothing. The end is read first:
    /// the feed becomes visible in sequence order (one writer; on PostgreSQL the feed's lock), so every entry up to
    /// it is seen by the read that follows.
    /// </summary>
    private static async Task<(List<EscalationUpdate> Page, long ScannedTo)> ReadAsync(DispatchDbContext context, string childId, long after, CancellationToken cancellationToken)
    {
        var end = await CaseFeedReader.End.For(context)(context) ?? 0;
        var rows = await PageAfter.For(context)(context, childId, after).ToListAsync(cancellationToken);
        var page = rows.ConvertAll(row => new EscalationUpdate(
            row.Sequence,
            row.OriginCaseId,
            row.Status,
            row.Event,
            Domain.Cases.Assignee.FromFields(row.AssigneeKind, row.AssigneeId),
            row.DueAt));
        return (page, end);
    }

    // Compiled (CompiledQuery): each child's subscription reads at every commit of this node.
    private static readonly CompiledQuery<Func<DispatchDbContext, string, long, IAsyncEnumerable<UpdateRow>>> PageAfter = new(() => EF.CompileAsyncQuery(
        (DispatchDbContext context, string childId, long after) => (
            from entry in context.CaseFeed.AsNoTracking()
            join @case in context.Cases.AsNoTracking() on entry.CaseId equals @case.Id
            where entry.Sequence > after && @case.Origin!.NodeId == childId
            orderby entry.Sequence
            join caseEvent in context.CaseEvents.AsNoTracking() on new { entry.CaseId, Sequence = entry.Version } equals new { caseEvent.CaseId, caseEvent.Sequence }
            select new UpdateRow(entry.Sequence, entry.Status, caseEvent, @case.Origin!.CaseId, @case.AssigneeKind, @case.AssigneeId, @case.DueAt))
            .Take(PageSize)));

    private sealed record UpdateRow(
        long Sequence,
        Domain.Cases.CaseStatus Status,
        Domain.Cases.CaseEvent Event,
        Guid OriginCaseId,
        Domain.Cases.AssigneeKind? AssigneeKind,
        Guid? AssigneeId,
        DateTimeOffset? DueAt);
}
