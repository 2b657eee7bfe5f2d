using Dispatch.Application.Errors;
using Dispatch.Data;
using Dispatch.Data.Feed;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Cases;

/// <summary>
/// What every change of a case does inside the single writer's batch, whichever use case makes it: load the case
/// (the one the batch already tracks, else from the database), check the version the caller saw, and append the
/// new events to the node's feed.
/// </summary>
internal static class CaseRows
{
    public static async Task<Case> LoadAsync(DispatchDbContext context, Guid id) =>
        await FindAsync(context, id) ?? throw new NotFoundException("Case", id.ToString());

    /// <summary>A case by id, tracked: the one the context already tracks, else loaded; null if there is none.</summary>
    public static async Task<Case?> FindAsync(DispatchDbContext context, Guid id) =>
        context.Cases.Local.FindEntry(id)?.Entity ?? await CaseById.For(context)(context, id);

    // Compiled: every change of a case loads it.
    private static readonly CompiledQuery<Func<DispatchDbContext, Guid, Task<Case?>>> CaseById = new(() => EF.CompileAsyncQuery(
        (DispatchDbContext context, Guid id) => context.Cases.FirstOrDefault(c => c.Id == id)));

    public static void EnsureVersion(Case @case, int expectedVersion)
    {
        // Versions start at 1: 0 is a request that left the field out, not a stale one (ABORTED would invite a retry).
        if (expectedVersion < 1)
        {
            throw new InvalidRequestException("expected_version", "is required: send the version of the case you last read (1 or more).");
        }

        if (@case.Version != expectedVersion)
        {
            throw new StaleVersionException(@case.Id.ToString(), expectedVersion, @case.Version);
        }
    }

    /// <summary>Adds the events after the given version to the node's feed.</summary>
    public static void AppendToFeed(DispatchDbContext context, Case @case, int afterVersion)
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
