using Dispatch.Application.Cases;
using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Data;
using Dispatch.Data.Escalation;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Escalation;

/// <summary>
/// The command centre's view of escalations, newest first: the cases child nodes escalated here (in, with their
/// origin) and the cases this node escalated to its parent (out, with the parent's state as the case records it and
/// whether the escalation still waits in the outbox). Each list is a range of a partial index that holds only its
/// own cases (<c>ix_cases_escalated_in</c>, <c>ix_cases_escalated_out</c>), so a report writes no entry to either.
/// </summary>
internal sealed class EscalationBoard(IDbContextFactory<DispatchDbContext> contexts)
{
    public const int MaxPageSize = 500;

    public async Task<IReadOnlyList<Case>> ListInAsync(CallerIdentity caller, int pageSize, CancellationToken cancellationToken)
    {
        CasePermissions.EnsureCanList(caller);
        CheckPageSize(pageSize);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await CaseQueries.Scope(ReceivedNewestFirst(context), caller).Take(pageSize).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EscalatedCase>> ListOutAsync(CallerIdentity caller, int pageSize, CancellationToken cancellationToken)
    {
        CasePermissions.EnsureCanList(caller);
        CheckPageSize(pageSize);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var cases = await CaseQueries.Scope(SentNewestFirst(context), caller).Take(pageSize).ToListAsync(cancellationToken);
        var ids = cases.ConvertAll(c => c.Id);
        var waiting = await PendingEscalations(context, ids)
            .Select(m => new { m.CaseId, m.CreatedAt, m.Attempts })
            .ToListAsync(cancellationToken);
        return cases.ConvertAll(c => new EscalatedCase(
            c,
            waiting.Where(m => m.CaseId == c.Id).Select(m => new PendingDelivery(m.CreatedAt, m.Attempts)).FirstOrDefault()));
    }

    /// <summary>Cases received from child nodes, newest first: the escalated-in index.</summary>
    internal static IQueryable<Case> ReceivedNewestFirst(DispatchDbContext context) =>
        context.Cases.AsNoTracking().Where(c => c.Origin != null).OrderByDescending(c => c.ReportedAt);

    /// <summary>Cases this node escalated (still linked to the parent), newest first: the escalated-out index.</summary>
    internal static IQueryable<Case> SentNewestFirst(DispatchDbContext context) =>
        context.Cases.AsNoTracking().Where(c => c.EscalatedToNodeId != null).OrderByDescending(c => c.ReportedAt);

    /// <summary>The escalations of these cases not yet delivered nor refused: a read of the outbox's pending index.</summary>
    internal static IQueryable<OutboxMessage> PendingEscalations(DispatchDbContext context, IReadOnlyCollection<Guid> caseIds) =>
        context.Outbox.AsNoTracking().Where(m => m.DeliveredAt == null && m.RefusedAt == null && m.Kind == OutboxKind.Escalate && caseIds.Contains(m.CaseId));

    private static void CheckPageSize(int pageSize)
    {
        if (pageSize < 1 || pageSize > MaxPageSize)
        {
            throw new InvalidRequestException("page_size", $"must be 1 to {MaxPageSize}.");
        }
    }
}
