using Dispatch.Application.Cases;
using Dispatch.Application.Escalation;
using Dispatch.Application.Telemetry;
using Dispatch.Application.Writing;
using Dispatch.Contracts.V1;
using Dispatch.Data;
using Dispatch.Data.Escalation;
using Dispatch.Data.Feed;
using Dispatch.Node.Grpc;
using Dispatch.Node.Hosting;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Node.Escalation;

/// <summary>
/// Follows the parent's progress on this node's escalated cases. The subscription resumes after the
/// last sequence applied; updates are applied in the same transaction that advances the cursor past
/// them (those that arrived together in one), so an update is never lost and never applied twice,
/// however often the stream breaks.
/// </summary>
internal sealed partial class ParentSubscriber(
    ParentClient parent,
    IDbContextFactory<DispatchDbContext> contexts,
    CaseWriter writer,
    ParentLinks links,
    NodeMetrics metrics,
    TimeProvider clock,
    ILogger<ParentSubscriber> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    /// <summary>Updates applied in one write at most.</summary>
    private const int MaxUpdatesPerWrite = 256;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(parent.Upstreams.Select(upstream => FollowAsync(upstream, stoppingToken)));

    /// <summary>One subscription per upstream node, each with its own cursor.</summary>
    private async Task FollowAsync(Upstream upstream, CancellationToken stoppingToken)
    {
        var parentId = upstream.Id;
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var from = await CursorAsync(parentId, stoppingToken);
                using var call = parent.For(parentId).Subscribe(new SubscribeRequest { FromSequence = from }, cancellationToken: stoppingToken);

                // The parent sends its headers as soon as it has taken the subscription: the link is up.
                await call.ResponseHeadersAsync;
                links.Opened(parentId);
                var updates = new List<SubscribeResponse>();
                var next = call.ResponseStream.MoveNext(stoppingToken);
                while (true)
                {
                    // The updates that have arrived meanwhile are applied in one write, while the next is read:
                    // one write per update kept the writer busy with a commit per status change of each case the
                    // parent works on (three per escalation at a village), each loading the cursor again.
                    if (updates.Count > 0 && (!next.IsCompleted || updates.Count == MaxUpdatesPerWrite))
                    {
                        await ApplyAsync(parentId, updates, stoppingToken);
                        updates.Clear();
                        backoff = TimeSpan.FromMilliseconds(100);
                    }

                    if (!await next)
                    {
                        break;
                    }

                    updates.Add(call.ResponseStream.Current);
                    next = call.ResponseStream.MoveNext(stoppingToken);
                }

                if (updates.Count > 0)
                {
                    await ApplyAsync(parentId, updates, stoppingToken);
                }
            }
            catch (RpcException ex) when (!stoppingToken.IsCancellationRequested)
            {
                links.Broke(parentId);
                LogBroken(logger, ex.StatusCode, ex.Status.Detail);
            }
            catch (Exception ex) when (stoppingToken.IsCancellationRequested && ex is OperationCanceledException or RpcException)
            {
                // The node is stopping and cancelled the call (an RpcException CANCELLED): nothing broke.
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                links.Broke(parentId);
                LogBroken(logger, StatusCode.Internal, ex.Message);
            }

            // A stream the parent ended is a broken link too, until the next one opens.
            links.Broke(parentId);

            try
            {
                await Task.Delay(backoff, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private async Task<long> CursorAsync(string parentId, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.ParentCursors.Where(c => c.ParentNodeId == parentId).Select(c => c.LastSequence).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Applies updates in their order and advances the cursor past the last, in one transaction. The list is
    /// read until the returned task completes (the writer may run the work twice: alone after a failed batch).
    /// </summary>
    private async Task ApplyAsync(string parentId, IReadOnlyList<SubscribeResponse> updates, CancellationToken cancellationToken)
    {
        await WriteAsync(parentId, updates, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var update in updates)
        {
            if (update.Event?.At is { } at)
            {
                metrics.ParentUpdateApplied(parentId, now - at.ToDateTimeOffset());
            }
        }
    }

    private Task WriteAsync(string parentId, IReadOnlyList<SubscribeResponse> updates, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            async context =>
            {
                var cursor = context.ParentCursors.Local.FirstOrDefault(c => c.ParentNodeId == parentId) ??
                    await CursorOf.For(context)(context, parentId);
                if (cursor is null)
                {
                    cursor = new ParentCursor(parentId, 0);
                    context.ParentCursors.Add(cursor);
                }

                foreach (var update in updates.Where(u => u.Sequence > cursor.LastSequence))
                {
                    cursor.Advance(update.Sequence);
                    var caseId = ContractMapper.ParseId(update.OriginCaseId, "origin_case_id");
                    var @case = await CaseRows.FindAsync(context, caseId);
                    if (@case is null)
                    {
                        continue;
                    }

                    var before = @case.Version;
                    var status = ContractMapper.Convert<Domain.Cases.CaseStatus>(update.Status);
                    var note = $"{update.Event.Type} at {parentId}: {update.Event.Note}".TrimEnd(' ', ':');
                    note = note[..Math.Min(note.Length, Domain.Cases.CaseLimits.NoteMaxLength)];
                    if (@case.MirrorParent(clock.GetUtcNow(), status, update.HandedBack, note))
                    {
                        foreach (var caseEvent in @case.History.Where(e => e.Sequence > before))
                        {
                            context.CaseFeed.Add(CaseFeedEntry.From(caseEvent));
                        }
                    }
                }

                return true;
            },
            cancellationToken);

    // Compiled (CompiledQuery): every write of updates loads it.
    private static readonly CompiledQuery<Func<DispatchDbContext, string, Task<ParentCursor?>>> CursorOf = new(() => EF.CompileAsyncQuery(
        (DispatchDbContext context, string parentId) => context.ParentCursors.FirstOrDefault(c => c.ParentNodeId == parentId)));

    [LoggerMessage(1, LogLevel.Warning, "Subscription to the parent broke ({Code}: {Detail}); resuming.")]
    private static partial void LogBroken(ILogger logger, StatusCode code, string detail);
}
