using Dispatch.Application.Cases;
using Dispatch.Application.Deadlines;
using Dispatch.Application.Errors;
using Dispatch.Application.Supervision;
using Dispatch.Application.Writing;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Categories;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Escalation;

/// <summary>
/// Parent side: receives escalations and verdicts from registered children. Both are idempotent, so
/// the children's relays may retry freely: an escalation is known by (child, child's case id), a
/// verdict by the rework round it belongs to.
/// </summary>
internal sealed class EscalationReceiver(CaseWriter writer, CategoryCatalogue catalogue, TimeProvider clock, DeadlineSettings deadlines, SupervisionLedger ledger, EscalationOutbox outbox, ILogger<EscalationReceiver> logger)
{
    public async Task<(Case Case, bool Created)> ReceiveAsync(string childId, IncomingEscalation request, CancellationToken cancellationToken)
    {
        var originCaseId = request.OriginCaseId;
        var reporter = request.OriginReporterId is { } r && r != Guid.Empty ? r : NodeActors.For(childId);
        var now = clock.GetUtcNow();
        var id = CaseNumbers.NewId(now);
        var origin = new CaseOrigin(childId, originCaseId, request.OriginCaseNumber);
        var report = request.Report.ToReport(id, CaseNumbers.For(now, id), reporter) with { RequestId = $"escalation:{childId}:{originCaseId:N}" };
        var candidate = Case.ReceiveEscalation(deadlines.Apply(report, now), origin, request.Reason, catalogue, now);
        var received = await writer.WriteAsync(
            async batch =>
            {
                // As a report does: a first attempt leaves the check for an earlier escalation of the same case (a
                // child's retry) to the unique index on the origin, and inserts without the change tracker; if the
                // index refuses, the writer runs this again on its own, and the earlier case is found and returned.
                var existing = batch.NewCases.FirstOrDefault(c => c.Origin is { } o && o.NodeId == childId && o.CaseId == originCaseId);
                if (existing is null && !batch.Optimistic)
                {
                    existing = await batch.Context.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Origin!.NodeId == childId && c.Origin.CaseId == originCaseId);
                }

                if (existing is not null)
                {
                    return (existing, false);
                }

                batch.Insert(candidate);
                return (candidate, true);
            },
            cancellationToken);
        if (received.Item2)
        {
            CaseLog.EscalationReceived(logger, childId, request.OriginCaseNumber, received.Item1.Number);
        }

        return received;
    }

    /// <summary>Applies the reporting grid's verdict: pass closes the case, fail returns it for rework.</summary>
    public async Task<CaseStatus> VerifyAsync(string childId, IncomingVerdict request, CancellationToken cancellationToken)
    {
        var originCaseId = request.OriginCaseId;
        Case? verified = null;
        var status = await writer.WriteAsync(
            async context =>
            {
                var @case = await context.Cases.FirstOrDefaultAsync(c => c.Origin!.NodeId == childId && c.Origin.CaseId == originCaseId) ??
                    throw new NotFoundException("Escalated case", originCaseId.ToString());
                verified = @case;

                // A retried verdict finds its effect already there.
                var applied = request.Passed ? @case.Status == CaseStatus.Closed : @case.ReworkCount > request.Attempt;
                if (applied)
                {
                    return @case.Status;
                }

                var before = @case.Version;
                var reworkBefore = @case.ReworkCount;
                var now = clock.GetUtcNow();
                @case.Verify(NodeActors.For(childId), now, request.Passed, request.Note.Length == 0 ? (request.Passed ? null : "Verification failed on site.") : request.Note);
                CaseRows.AppendToFeed(context, @case, before);

                // A middle tier passes the verdict on to its own parent.
                outbox.AfterChange(context, @case, before, reworkBefore, now);
                await ledger.AfterCaseLeftAsync(context, @case, wasOpen: true, now);

                return @case.Status;
            },
            cancellationToken);
        if (verified is not null)
        {
            CaseLog.VerdictReceived(logger, childId, verified.Number, verified.Origin?.CaseNumber, status);
        }

        return status;
    }
}
