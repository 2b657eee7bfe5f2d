using System.Diagnostics;
using Dispatch.Application.Common;
using Dispatch.Application.Deadlines;
using Dispatch.Application.Errors;
using Dispatch.Application.Escalation;
using Dispatch.Application.Security;
using Dispatch.Application.Supervision;
using Dispatch.Application.Telemetry;
using Dispatch.Application.Writing;
using Dispatch.Data;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Categories;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Cases;

/// <summary>
/// The use cases that change cases. Each checks the caller, then queues its change on the single
/// writer: the case is loaded, its version checked, the domain method applied and every new event
/// appended to the node's feed, all in one transaction.
/// </summary>
internal sealed class CaseCommands(CaseWriter writer, CaseIdSource ids, KnownGrids grids, CategoryCatalogue catalogue, TimeProvider clock, NodeSettings node, DeadlineSettings deadlines, SupervisionLedger ledger, EscalationOutbox outbox, NodeMetrics metrics, ILogger<CaseCommands> logger)
{
    /// <summary>
    /// Reports a case; idempotent on (reporter, request id), for a retry of the same report (other content under a used
    /// request id is refused: <see cref="RepeatedReport"/>). A first attempt leaves the check for an earlier
    /// report with the same request id to the unique index on them (a lookup per report was the largest
    /// cost of intake); if the index refuses, the writer runs the report again on its own, and then the
    /// earlier report is found and returned.
    /// </summary>
    public async Task<ReportOutcome> ReportAsync(CallerIdentity caller, ReportInput input, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        CasePermissions.EnsureCanReport(caller, input.GridId);
        var now = clock.GetUtcNow();
        Case NewCandidate()
        {
            var id = ids.Next(now);
            return Case.Report(deadlines.Apply(input.ToReport(id, CaseNumbers.For(now, id), caller.UserId), now), catalogue, now);
        }

        // Validated and built before queueing: the single writer only does I/O.
        var candidate = NewCandidate();
        var outcome = await writer.WriteAsync(
            async batch =>
            {
                var existing = batch.NewCases.FirstOrDefault(c => c.ReporterId == caller.UserId && c.RequestId == input.RequestId);
                if (existing is null && !batch.Optimistic)
                {
                    existing = await batch.Context.Cases.AsNoTracking()
                        .FirstOrDefaultAsync(c => c.ReporterId == caller.UserId && c.RequestId == input.RequestId);
                }

                if (existing is not null)
                {
                    await RepeatedReport.EnsureSameAsync(batch, existing, candidate);
                    return new ReportOutcome(existing, Created: false, await PossibleDuplicates.ForAsync(batch, existing, now), batch.Views);
                }

                // A grid worker's grids are the directory's, but a dispatcher may name any 15 digits.
                if (!await grids.ExistsAsync(input.GridId, () => batch.SharedAsync(("grid exists", input.GridId), context => context.Grids.AnyAsync(g => g.Id == input.GridId))))
                {
                    throw new NotFoundException("Grid", input.GridId.Value);
                }

                while (batch.HasNewCaseNumber(candidate.Number) ||
                    (!batch.Optimistic && await batch.Context.Cases.AnyAsync(c => c.Number == candidate.Number)))
                {
                    // The random part of the number matched another case's: the report gets another id.
                    candidate = NewCandidate();
                }

                var duplicates = await PossibleDuplicates.ForAsync(batch, candidate, now);
                await PossibleDuplicates.AddedAsync(batch, candidate, now);
                batch.Insert(candidate);
                return new ReportOutcome(candidate, Created: true, duplicates, batch.Views);
            },
            cancellationToken);
        metrics.ReportTaken(started, outcome.Created);
        if (outcome.Created)
        {
            CaseLog.Reported(logger, outcome.Case.Number, input.GridId.Value);
        }

        return outcome;
    }

    /// <summary>
    /// Applies one domain method to a case at the version the caller saw, after what it needs to read or check first
    /// (in the same transaction); <paramref name="apply"/> changes nothing before it has done all of that.
    /// </summary>
    public async Task<Case> ChangeAsync(
        CallerIdentity caller,
        Guid caseId,
        int expectedVersion,
        CaseOperation operation,
        Func<DispatchDbContext, Case, DateTimeOffset, Task> apply,
        CancellationToken cancellationToken)
    {
        var changed = await writer.WriteAsync(
            async context =>
            {
                var @case = await CaseRows.LoadAsync(context, caseId);
                CasePermissions.EnsureCanAct(caller, @case, operation);
                CaseRows.EnsureVersion(@case, expectedVersion);
                var before = @case.Version;
                var reworkBefore = @case.ReworkCount;
                var wasOpen = @case.IsOpen;
                var now = clock.GetUtcNow();
                await apply(context, @case, now);
                CaseRows.AppendToFeed(context, @case, before);
                outbox.AfterChange(context, @case, before, reworkBefore, now);
                await ledger.AfterCaseLeftAsync(context, @case, wasOpen, now);
                return @case;
            },
            cancellationToken);
        CaseLog.Changed(logger, changed.Number, operation, changed.Status, changed.Version);
        return changed;
    }

    /// <summary>
    /// Accepts a case with the department the routing rules suggest for its category and grid at this moment (none
    /// when no rule applies), the same whichever front end accepts it.
    /// </summary>
    public Task<Case> AcceptAsync(CallerIdentity caller, Guid caseId, int expectedVersion, string? note, CancellationToken cancellationToken) =>
        ChangeAsync(
            caller,
            caseId,
            expectedVersion,
            CaseOperation.Accept,
            async (context, @case, now) => @case.Accept(caller.UserId, now, note, await RoutingSuggestions.ForAsync(context, @case, catalogue)),
            cancellationToken);

    /// <summary>Assigns a case to a worker or department of this node's directory (an unknown one is NOT_FOUND).</summary>
    public Task<Case> AssignAsync(CallerIdentity caller, Guid caseId, int expectedVersion, Assignee assignee, string? note, CancellationToken cancellationToken) =>
        ChangeAsync(
            caller,
            caseId,
            expectedVersion,
            CaseOperation.Assign,
            async (context, c, now) =>
            {
                await EnsureAssigneeExistsAsync(context, assignee);
                c.Assign(caller.UserId, now, assignee, note);
            },
            cancellationToken);

    /// <summary>
    /// Sends the case to the parent node through the outbox, in the same transaction. Whether there is a parent is a
    /// rule of the transition, checked after the caller's role and scope, as every transition's rules are.
    /// </summary>
    public async Task<Case> EscalateAsync(CallerIdentity caller, Guid caseId, int expectedVersion, string reason, CancellationToken cancellationToken)
    {
        var escalated = await writer.WriteAsync(
            async context =>
            {
                var @case = await CaseRows.LoadAsync(context, caseId);
                CasePermissions.EnsureCanAct(caller, @case, CaseOperation.Escalate);
                CaseRows.EnsureVersion(@case, expectedVersion);
                await EscalateAsync(context, @case, caller.UserId, reason, clock.GetUtcNow());
                return @case;
            },
            cancellationToken);
        CaseLog.Escalated(logger, escalated.Number, escalated.EscalatedToNodeId);
        return escalated;
    }

    /// <summary>
    /// Escalates a loaded case within the caller's write: to the parent, or (an Emergency whistle, when the
    /// node's policy says so) to the emergency parent; the outbox message and the feed in the same transaction.
    /// With <paramref name="requeued"/> (an escalation the parent refused, requeued by an operator) the case goes
    /// to the node that refused it, if still linked, and that message is sent again instead of a new one.
    /// </summary>
    public async Task EscalateAsync(DispatchDbContext context, Case @case, Guid actorId, string reason, DateTimeOffset now, Data.Escalation.OutboxMessage? requeued = null)
    {
        var upstreams = EnsureHasParent();
        var before = @case.Version;
        var target = upstreams.FirstOrDefault(u => requeued is not null && u.Id == requeued.RefusedBy)
            ?? upstreams.FirstOrDefault(u => u.Emergency && node.EmergencySkipsTier && @case.Whistle == Domain.Cases.WhistleClass.Emergency)
            ?? upstreams.FirstOrDefault(u => !u.Emergency) ?? upstreams[0];
        @case.EscalateTo(actorId, now, target.Id, reason);
        CaseRows.AppendToFeed(context, @case, before);
        if (requeued is null)
        {
            outbox.Escalate(context, @case, reason, now);
        }
        else
        {
            requeued.Requeue();
        }

        await ledger.AfterCaseLeftAsync(context, @case, wasOpen: true, now);
    }

    /// <summary>Whether this node has a tier above to escalate to.</summary>
    public bool CanEscalate => node.Upstreams.Count > 0;

    private IReadOnlyList<UpstreamNode> EnsureHasParent() =>
        CanEscalate
            ? node.Upstreams
            : throw new Domain.Common.DomainRuleException("NodeMustHaveAParent", $"This node ({node.Tier} {node.Id}) has no parent to escalate to.");

    /// <summary>Merges a duplicate into its original; both must exist.</summary>
    public Task<Case> MergeAsync(CallerIdentity caller, Guid caseId, int expectedVersion, Guid originalId, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            async context =>
            {
                var duplicate = await CaseRows.LoadAsync(context, caseId);
                CasePermissions.EnsureCanAct(caller, duplicate, CaseOperation.Merge);
                var original = await CaseRows.LoadAsync(context, originalId);
                CaseRows.EnsureVersion(duplicate, expectedVersion);
                var before = duplicate.Version;
                var now = clock.GetUtcNow();
                duplicate.MergeInto(caller.UserId, now, original);
                CaseRows.AppendToFeed(context, duplicate, before);
                await ledger.AfterCaseLeftAsync(context, duplicate, wasOpen: true, now);
                return duplicate;
            },
            cancellationToken);

    private static async Task EnsureAssigneeExistsAsync(DispatchDbContext context, Assignee assignee)
    {
        var exists = assignee.Kind == AssigneeKind.Department
            ? await context.Departments.AnyAsync(d => d.Id == assignee.Id)
            : await context.Users.AnyAsync(u => u.Id == assignee.Id);
        if (!exists)
        {
            throw new NotFoundException(assignee.Kind == AssigneeKind.Department ? "Department" : "User", assignee.Id.ToString());
        }
    }
}
