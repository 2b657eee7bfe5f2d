using System.Diagnostics;
using Dispatch.Contracts.V1;

namespace Dispatch.Node.Bench;

/// <summary>
/// Counts a fault run on both sides through ListCases (paged): the run's cases escalated at the
/// village, and the town's cases whose origin is that village. Waits (bounded) until the relay has
/// drained: every escalated village case linked to its town case and that many origins at the town.
/// Prints "lost=N duplicated=M" and fails when either is non-zero or the village did not escalate
/// every case of the run.
/// </summary>
internal static class EscalationCount
{
    private const int MaxPages = 10_000;
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(EscalationCountOptions options)
    {
        using var village = await NodeSession.SignInAsync(options.Village, "dispatcher", options.Password);
        using var town = await NodeSession.SignInAsync(options.Town, "dispatcher", options.Password);
        var waitUntil = Stopwatch.GetTimestamp() + (long)(options.DrainTimeout.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var villageCases = await ListRunAsync(village, options.RunId);
            var townCases = (await ListRunAsync(town, options.RunId)).Where(c => c.OriginNodeId == options.VillageId).ToList();
            var escalated = villageCases.Where(c => c.EscalatedToNodeId.Length > 0).ToList();
            var unlinked = escalated.Count(c => c.ParentCaseId.Length == 0);
            var origins = townCases.GroupBy(c => c.OriginCaseId).ToDictionary(g => g.Key, g => g.Count());
            var drained = unlinked == 0 && escalated.All(c => origins.ContainsKey(c.Id));
            if (drained || Stopwatch.GetTimestamp() >= waitUntil)
            {
                var lost = escalated.Count(c => !origins.ContainsKey(c.Id));
                var duplicated = origins.Count(o => o.Value > 1);
                var escalatedIds = escalated.Select(c => c.Id).ToHashSet();
                var unknown = origins.Keys.Count(id => !escalatedIds.Contains(id));
                Console.WriteLine($"escalate-count: {(drained ? "relay drained" : "relay NOT drained")} after {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
                Console.WriteLine($"escalate-count: village {options.VillageId}: {villageCases.Count} cases of the run, {escalated.Count} escalated, {unlinked} not yet linked to a town case");
                Console.WriteLine($"escalate-count: town: {townCases.Count} cases with origin {options.VillageId}, {origins.Count} distinct origins, " +
                    $"{duplicated} origins with more than one town case, {unknown} origins not escalated at the village");
                Console.WriteLine($"lost={lost} duplicated={duplicated}");
                if (escalated.Count != options.Expected)
                {
                    Console.WriteLine($"escalate-count: expected {options.Expected} escalated cases at the village, found {escalated.Count}");
                }

                return lost == 0 && duplicated == 0 && unknown == 0 && escalated.Count == options.Expected ? 0 : 1;
            }

            Console.WriteLine($"escalate-count: waiting for the relay: {escalated.Count} escalated at the village, {unlinked} not linked, {origins.Count} origins at the town");
            await Task.Delay(Pause);
        }
    }

    /// <summary>Every case whose title or number holds the run id, page by page (keyset paging, so bounded by the data).</summary>
    public static async Task<List<Case>> ListRunAsync(NodeSession session, string runId)
    {
        var cases = new List<Case>();
        var token = "";
        var pages = 0;
        do
        {
            if (++pages > MaxPages)
            {
                throw new InvalidOperationException($"more than {MaxPages} pages of cases for run {runId}");
            }

            var page = await session.Cases.ListCasesAsync(new ListCasesRequest { Text = runId, PageSize = 200, PageToken = token }, session.Call);
            cases.AddRange(page.Cases);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return cases;
    }
}
