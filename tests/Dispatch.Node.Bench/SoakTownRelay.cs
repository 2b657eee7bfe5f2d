using System.Collections.Concurrent;
using Dispatch.Contracts.V1;

namespace Dispatch.Node.Bench;

/// <summary>
/// The town's dispatcher in the soak: of the escalations arriving from the villages (seen on the town's feed), every
/// second one goes on to the district, so the district gets escalations over both paths (village via town, and the
/// villages' Emergency whistles directly).
/// </summary>
internal sealed class SoakTownRelay(SoakNode town, SoakSessions sessions, SoakMetrics metrics, SoakLedger ledger, string districtId)
{
    private const string ArrivalPrefix = "Escalated from ";
    private readonly BlockingCollection<(string CaseId, int Version)> _arrivals = new();
    private int _seen;

    /// <summary>Called for every notice of the town's feed (from its first watch).</summary>
    public void Observe(WatchCasesResponse notice)
    {
        if (notice.Event.Type == "CaseReported" && notice.Event.Note.StartsWith(ArrivalPrefix, StringComparison.Ordinal)
            && Interlocked.Increment(ref _seen) % 2 == 0)
        {
            _arrivals.Add((notice.CaseId, notice.Version));
        }
    }

    /// <summary>Escalates what <see cref="Observe"/> picked until <paramref name="stop"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var dispatcher = sessions.Dispatcher;
        while (!stop.IsCancellationRequested)
        {
            (string CaseId, int Version) arrival;
            try
            {
                arrival = await Task.Run(() => _arrivals.Take(stop), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var request = new EscalateCaseRequest { CaseId = arrival.CaseId, ExpectedVersion = arrival.Version, Reason = "Beyond the town (soak)." };
            if (await metrics.CallAsync("escalate (town)", () => dispatcher.Cases.EscalateCaseAsync(request, dispatcher.Call).ResponseAsync) is not null)
            {
                ledger.Escalated(town.Id, arrival.CaseId, districtId);
            }
        }
    }
}
