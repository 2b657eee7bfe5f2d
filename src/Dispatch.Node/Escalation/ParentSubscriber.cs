using Dispatch.Contracts.V1;
using Dispatch.Data;
using Dispatch.Data.Escalation;
using Dispatch.Data.Feed;
using Dispatch.Node.Application;
using Dispatch.Node.Grpc;
using Dispatch.Node.Hosting;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Escalation;

/// <summary>
/// Follows the parent's progress on this node's escalated cases. The subscription resumes after the
/// last sequence applied; each update is applied in the same transaction that advances the cursor,
/// so an update is never lost and never applied twice, however often the stream breaks.
/// </summary>
internal sealed partial class ParentSubscriber(
    ParentClient parent,
    IDbContextFactory<DispatchDbContext> contexts,
    CaseWriter writer,
    TimeProvider clock,
    ILogger<ParentSubscriber> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

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
                while (await call.ResponseStream.MoveNext(stoppingToken))
                {
                    await ApplyAsync(parentId, call.ResponseStream.Current, stoppingToken);
                    backoff = TimeSpan.FromMilliseconds(100);
                }
            }
            catch (RpcException ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogBroken(logger, ex.StatusCode, ex.Status.Detail);
            }
            catch (Exception ex) when (stoppingToken.IsCancellationRequested && ex is OperationCanceledException or RpcException)
            {
                // The node is stopping and cancelled the call (an RpcException CANCELLED): nothing broke.
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogBroken(logger, StatusCode.Internal, ex.Message);
            }

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

    private Task ApplyAsync(string parentId, SubscribeResponse update, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            async context =>
            {
                var cursor = context.ParentCursors.Local.FirstOrDefault(c => c.ParentNodeId == parentId) ??
                    await context.ParentCursors.FirstOrDefaultAsync(c => c.ParentNodeId == parentId);
                if (cursor is null)
                {
                    cursor = new ParentCursor(parentId, 0);
                    context.ParentCursors.Add(cursor);
                }

                if (update.Sequence <= cursor.LastSequence)
                {
                    return false;
                }

                cursor.Advance(update.Sequence);
                var caseId = ContractMapper.ParseId(update.OriginCaseId, "origin_case_id");
                if (await context.Cases.FirstOrDefaultAsync(c => c.Id == caseId) is { } @case)
                {
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

    [LoggerMessage(1, LogLevel.Warning, "Subscription to the parent broke ({Code}: {Detail}); resuming.")]
    private static partial void LogBroken(ILogger logger, StatusCode code, string detail);
}
