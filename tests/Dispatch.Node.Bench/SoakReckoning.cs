using System.Diagnostics;
using System.Globalization;
using Dispatch.Contracts.V1;

namespace Dispatch.Node.Bench;

/// <summary>
/// The soak's count once the load stops: each escalation a node acknowledged against the cases that reached its
/// parent (by origin case, read with ListCases), each short deadline due by the end against the breaches seen on the
/// village's feed, and each breach against the supervision orders the town holds. Polls (bounded by the drain time)
/// until the relays have delivered everything, then prints sent / received / lost / duplicated.
/// </summary>
internal sealed class SoakReckoning(IReadOnlyDictionary<string, SoakSessions> sessions, SoakLedger ledger, string runId, string townId)
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);

    /// <summary>Prints the figures; returns the number of lost, duplicated or early items (0 is the target).</summary>
    public async Task<int> RunAsync(DateTimeOffset loadStoppedAt, TimeSpan drain)
    {
        var giveUpAt = Stopwatch.GetTimestamp() + (long)(drain.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var escalations = await EscalationsAsync();
            var deadlines = await DeadlinesAsync(loadStoppedAt);
            var settled = escalations.Lost == 0 && deadlines.Missing == 0 && deadlines.OrdersLost == 0;
            if (settled || Stopwatch.GetTimestamp() >= giveUpAt)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"soak: reckoning {(settled ? "settled" : "NOT settled")} {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s after the load stopped"));
                foreach (var line in escalations.Lines.Concat(deadlines.Lines))
                {
                    Console.WriteLine(line);
                }

                return escalations.Lost + escalations.Duplicated + escalations.Unknown + deadlines.Missing + deadlines.Duplicated + deadlines.Early + deadlines.OrdersLost + deadlines.OrdersDuplicated;
            }

            await Task.Delay(Pause);
        }
    }

    private async Task<(int Lost, int Duplicated, int Unknown, List<string> Lines)> EscalationsAsync()
    {
        var lines = new List<string>();
        int lost = 0, duplicated = 0, unknown = 0;
        foreach (var byParent in ledger.Escalations.GroupBy(e => e.ParentNode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var parent = sessions[byParent.Key].Dispatcher;
            var arrived = (await EscalationCount.ListRunAsync(parent, runId)).Where(c => c.OriginCaseId.Length > 0).ToList();
            foreach (var path in byParent.GroupBy(e => e.FromNode).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var origins = arrived.Where(c => c.OriginNodeId == path.Key).GroupBy(c => c.OriginCaseId).ToDictionary(g => g.Key, g => g.Count());
                var sent = path.Select(e => e.CaseId).ToHashSet();
                var pathLost = sent.Count(id => !origins.ContainsKey(id));
                var pathDuplicated = origins.Count(o => o.Value > 1);
                var pathUnknown = origins.Keys.Count(id => !sent.Contains(id));
                (lost, duplicated, unknown) = (lost + pathLost, duplicated + pathDuplicated, unknown + pathUnknown);
                lines.Add($"soak: escalations {path.Key} -> {byParent.Key}: sent {sent.Count}, received {origins.Count}, lost {pathLost}, duplicated {pathDuplicated}, not sent but received {pathUnknown}");
            }
        }

        lines.Add($"soak: escalations lost={lost} duplicated={duplicated}");
        return (lost, duplicated, unknown, lines);
    }

    private async Task<(int Missing, int Duplicated, int Early, int OrdersLost, int OrdersDuplicated, List<string> Lines)> DeadlinesAsync(DateTimeOffset cutoff)
    {
        var due = ledger.Deadlines.Where(d => d.Value <= cutoff).Select(d => d.Key).ToList();
        var breaches = ledger.Breaches.ToDictionary(b => b.Key, b => b.Value.ToList());
        var missing = due.Count(key => !breaches.ContainsKey(key));
        var duplicated = breaches.Count(b => b.Value.Count > 1);
        var early = breaches.Count(b => ledger.Deadlines.TryGetValue(b.Key, out var at) && b.Value.Min() < at);
        var orders = await BreachOrdersAsync();
        var ordered = breaches.Keys.Where(ledger.Deadlines.ContainsKey).ToList();
        var ordersLost = ordered.Count(key => !orders.ContainsKey(key));
        var ordersDuplicated = orders.Count(o => o.Value > 1);
        List<string> lines =
        [
            $"soak: deadlines: {ledger.Deadlines.Count} cases with the short limit, {due.Count} due by the end of the load, breaches seen {breaches.Count(b => ledger.Deadlines.ContainsKey(b.Key))} " +
                $"(missing {missing}, more than once {duplicated}, before the deadline {early})",
            $"soak: supervision orders at {townId}: breaches {ordered.Count}, orders received for them {ordered.Count(orders.ContainsKey)}, lost {ordersLost}, duplicated {ordersDuplicated}",
        ];
        return (missing, duplicated, early, ordersLost, ordersDuplicated, lines);
    }

    /// <summary>The town's breach orders by (case node, case id): how many of each.</summary>
    private async Task<Dictionary<(string Node, string CaseId), int>> BreachOrdersAsync()
    {
        var supervisor = sessions[townId].Supervisor;
        var counts = new Dictionary<(string, string), int>();
        var token = "";
        do
        {
            var page = await supervisor.Supervision.ListSupervisionOrdersAsync(
                new ListSupervisionOrdersRequest { Kind = SupervisionOrderKind.Breach, PageSize = 200, PageToken = token }, supervisor.Call);
            foreach (var order in page.Orders)
            {
                var key = (order.CaseNodeId, order.CaseId);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return counts;
    }
}
