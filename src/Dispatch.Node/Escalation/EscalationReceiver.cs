using Dispatch.Contracts.V1;
using Dispatch.Data;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Categories;
using Dispatch.Node.Application;
using Dispatch.Node.Application.Errors;
using Dispatch.Node.Grpc;
using Microsoft.EntityFrameworkCore;
using Domain = Dispatch.Domain;

namespace Dispatch.Node.Escalation;

/// <summary>
/// Parent side: receives escalations and verdicts from registered children. Both are idempotent, so
/// the children's relays may retry freely: an escalation is known by (child, child's case id), a
/// verdict by the rework round it belongs to.
/// </summary>
internal sealed class EscalationReceiver(CaseWriter writer, CategoryCatalogue catalogue, TimeProvider clock, Deadlines.DeadlineSettings deadlines, Microsoft.Extensions.Options.IOptions<Hosting.NodeOptions> options)
{
    public Task<(Domain.Cases.Case Case, bool Created)> ReceiveAsync(string childId, EscalateRequest request, CancellationToken cancellationToken)
    {
        var originCaseId = ContractMapper.ParseId(request.OriginCaseId, "origin_case_id");
        var reporter = Guid.TryParse(request.OriginReporterId, out var r) && r != Guid.Empty ? r : NodeActors.For(childId);
        var now = clock.GetUtcNow();
        var id = CaseNumbers.NewId(now);
        var origin = new CaseOrigin(childId, originCaseId, request.OriginCaseNumber);
        var report = new CaseReport
        {
            Id = id,
            Number = CaseNumbers.For(now, id),
            RequestId = $"escalation:{childId}:{originCaseId:N}",
            Title = request.Title,
            Description = request.Description,
            CategoryCode = request.CategoryCode,
            GridId = ContractMapper.ParseGrid(request.GridId, "grid_id"),
            Location = request.Location.ToDomain(),
            Whistle = ContractMapper.Convert<Domain.Cases.WhistleClass>(request.Whistle),
            HandlingMode = ContractMapper.Convert<Domain.Cases.HandlingMode>(request.HandlingMode),
            ReporterId = reporter,
            EvidenceRefs = request.EvidenceRefs.ToArray(),
        };
        var candidate = Domain.Cases.Case.ReceiveEscalation(deadlines.Apply(report, now), origin, request.Reason, catalogue, now);
        return writer.WriteAsync(
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
    }

    /// <summary>Applies the reporting grid's verdict: pass closes the case, fail returns it for rework.</summary>
    public Task<Domain.Cases.CaseStatus> VerifyAsync(string childId, ReportVerificationRequest request, CancellationToken cancellationToken)
    {
        var originCaseId = ContractMapper.ParseId(request.OriginCaseId, "origin_case_id");
        return writer.WriteAsync(
            async context =>
            {
                var @case = await context.Cases.FirstOrDefaultAsync(c => c.Origin!.NodeId == childId && c.Origin.CaseId == originCaseId) ??
                    throw new NotFoundException("Escalated case", request.OriginCaseId);

                // A retried verdict finds its effect already there.
                var applied = request.Passed ? @case.Status == Domain.Cases.CaseStatus.Closed : @case.ReworkCount > request.Attempt;
                if (applied)
                {
                    return @case.Status;
                }

                var before = @case.Version;
                var reworkBefore = @case.ReworkCount;
                var now = clock.GetUtcNow();
                @case.Verify(NodeActors.For(childId), now, request.Passed, request.Note.Length == 0 ? (request.Passed ? null : "Verification failed on site.") : request.Note);
                CaseCommands.AppendToFeed(context, @case, before);

                // A middle tier passes the verdict on to its own parent.
                EscalationOutbox.AfterChange(context, @case, before, reworkBefore, now);
                await Deadlines.SupervisionLedger.AfterCaseLeftAsync(context, @case, wasOpen: true, options.Value, now);

                return @case.Status;
            },
            cancellationToken);
    }
}
