using Dispatch.Data;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Node.Bench;

/// <summary>Reads filled cases back through the EF model (as the node does) and compares them with what was made.</summary>
internal static class FillCheck
{
    public static async Task<bool> VerifyAsync(IDbContextFactory<DispatchDbContext> contexts, IReadOnlyList<Case> samples)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var ids = samples.Select(c => c.Id).ToArray();
        var stored = await context.Cases.AsNoTracking().Include(c => c.History).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        var feedRows = await context.CaseFeed.AsNoTracking().Where(f => ids.Contains(f.CaseId)).CountAsync();
        var problems = new List<string>();
        foreach (var made in samples)
        {
            if (!stored.TryGetValue(made.Id, out var read))
            {
                problems.Add($"{made.Number}: not found by id");
                continue;
            }

            var expected = Describe(made);
            var actual = Describe(read);
            if (expected != actual)
            {
                problems.Add($"{made.Number}: wrote [{expected}], read [{actual}]");
            }
        }

        var events = samples.Sum(c => c.History.Count);
        if (feedRows != events)
        {
            problems.Add($"{feedRows} feed rows for {events} events of the sampled cases");
        }

        foreach (var problem in problems.Take(10))
        {
            Console.Error.WriteLine("fill check: " + problem);
        }

        Console.WriteLine(problems.Count == 0
            ? $"fill: {samples.Count} sampled cases read back through the EF model match what was written ({events} events, {feedRows} feed rows)"
            : $"fill: {problems.Count} sampled cases differ after reading them back");
        return problems.Count == 0;
    }

    // Compared in microseconds: PostgreSQL's timestamptz keeps no finer time (the node's own writes lose the same).
    private static long? Us(DateTimeOffset? at) => at?.UtcTicks / 10;

    private static string Describe(Case c) => string.Join('|',
        c.Number, c.RequestId, c.Title, c.Description, c.CategoryCode, c.GridId.Value, c.Location, c.Whistle, c.HandlingMode, c.Status,
        c.ReporterId, c.Assignee, c.ResolvedBy, Us(c.ReportedAt), Us(c.UpdatedAt), Us(c.ResolvedAt), Us(c.ClosedAt),
        Us(c.DueAt), Us(c.DeferredUntil), Us(c.PausedAt), c.StatusBeforeDeferral, c.PausedTotal.Ticks, c.Overdue,
        string.Join(',', c.EvidenceRefs), c.Satisfaction, c.ReworkCount, c.MergedIntoCaseId, c.Version,
        string.Join(',', c.History.OrderBy(e => e.Sequence).Select(e =>
            $"{e.Sequence}:{e.Type}:{e.ActorId}:{Us(e.At)}:{e.FromStatus}:{e.ToStatus}:{e.Note}:{string.Join(' ', e.EvidenceRefs)}:{e.Assignee}:{Us(e.DueAt)}:{e.Satisfaction}")));
}
