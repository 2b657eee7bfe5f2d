using Dispatch.Data;
using Dispatch.Data.Feed;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Categories;
using Dispatch.Node.Application.Errors;
using Dispatch.Node.Security;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Node.Application;

/// <summary>
/// The use cases that change cases. Each checks the caller, then queues its change on the single
/// writer: the case is loaded, its version checked, the domain method applied and every new event
/// appended to the node's feed, all in one transaction.
/// </summary>
internal sealed class CaseCommands(CaseWriter writer, CategoryCatalogue catalogue, TimeProvider clock)
{
    /// <summary>Reports a case; idempotent on (reporter, request id).</summary>
    public Task<ReportOutcome> ReportAsync(CallerIdentity caller, ReportInput input, CancellationToken cancellationToken)
    {
        CasePermissions.EnsureCanReport(caller, input.GridId);
        var now = clock.GetUtcNow();
        var id = Guid.NewGuid();

        // Validated and built before queueing: the single writer only does I/O.
        var candidate = Case.Report(input.ToReport(id, CaseNumbers.For(now, id), caller.UserId), catalogue, now);
        return writer.WriteAsync(
            async context =>
            {
                var existing = context.Cases.Local.FirstOrDefault(c => c.ReporterId == caller.UserId && c.RequestId == input.RequestId) ??
                    await context.Cases.FirstOrDefaultAsync(c => c.ReporterId == caller.UserId && c.RequestId == input.RequestId);
                if (existing is not null)
                {
                    return new ReportOutcome(existing, Created: false);
                }

                context.Cases.Add(candidate);
                AppendToFeed(context, candidate, afterVersion: 0);
                return new ReportOutcome(candidate, Created: true);
            },
            cancellationToken);
    }

    /// <summary>Applies one domain method to a case at the version the caller saw.</summary>
    public Task<Case> ChangeAsync(
        CallerIdentity caller,
        Guid caseId,
        int expectedVersion,
        CaseOperation operation,
        Action<Case, DateTimeOffset> apply,
        CancellationToken cancellationToken) =>
        writer.WriteAsync(
            async context =>
            {
                var @case = await LoadAsync(context, caseId);
                CasePermissions.EnsureCanAct(caller, @case, operation);
                EnsureVersion(@case, expectedVersion);
                var before = @case.Version;
                apply(@case, clock.GetUtcNow());
                AppendToFeed(context, @case, before);
                return @case;
            },
            cancellationToken);

    /// <summary>Merges a duplicate into its original; both must exist.</summary>
    public Task<Case> MergeAsync(CallerIdentity caller, Guid caseId, int expectedVersion, Guid originalId, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            async context =>
            {
                var duplicate = await LoadAsync(context, caseId);
                CasePermissions.EnsureCanAct(caller, duplicate, CaseOperation.Merge);
                var original = await LoadAsync(context, originalId);
                EnsureVersion(duplicate, expectedVersion);
                var before = duplicate.Version;
                duplicate.MergeInto(caller.UserId, clock.GetUtcNow(), original);
                AppendToFeed(context, duplicate, before);
                return duplicate;
            },
            cancellationToken);

    private static async Task<Case> LoadAsync(DispatchDbContext context, Guid id) =>
        await context.Cases.FirstOrDefaultAsync(c => c.Id == id) ?? throw new NotFoundException("Case", id.ToString());

    private static void EnsureVersion(Case @case, int expectedVersion)
    {
        if (@case.Version != expectedVersion)
        {
            throw new StaleVersionException(@case.Id.ToString(), expectedVersion, @case.Version);
        }
    }

    private static void AppendToFeed(DispatchDbContext context, Case @case, int afterVersion)
    {
        foreach (var caseEvent in @case.History)
        {
            if (caseEvent.Sequence > afterVersion)
            {
                context.CaseFeed.Add(CaseFeedEntry.From(caseEvent));
            }
        }
    }
}
