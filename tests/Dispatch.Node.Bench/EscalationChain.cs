using System.Collections.Concurrent;
using System.Diagnostics;
using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Node.Bench;

/// <summary>
/// The actors of the chain: a village grid worker reports and the village dispatcher escalates; when
/// the case appears on the town's stream the town dispatcher escalates it again; the district's stream
/// marks the end. Items are found by case number: the village's on the town's notice, the town's on
/// the district's.
/// </summary>
internal sealed class EscalationChain(NodeSession worker, NodeSession villageDispatcher, NodeSession townDispatcher, string runId)
{
    private const string Reason = "Beyond the village: needs the town (escalation benchmark).";

    private readonly ReportRequests _requests = new(ListFilters.GridId, runId);
    private readonly ConcurrentDictionary<string, EscalationChainItem> _byVillageNumber = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EscalationChainItem> _byTownNumber = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> _townCalls = [];
    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Report and escalate at the village; the item records the escalation's reply.</summary>
    public async Task StartAsync(EscalationChainItem item, long sequence)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            var reported = await worker.Cases.ReportCaseAsync(_requests.Next(0, sequence), worker.Call).ResponseAsync.ConfigureAwait(false);
            _byVillageNumber[reported.Case.Number] = item;
            await villageDispatcher.Cases.EscalateCaseAsync(
                new EscalateCaseRequest { CaseId = reported.Case.Id, ExpectedVersion = reported.Case.Version, Reason = Reason },
                villageDispatcher.Call).ResponseAsync.ConfigureAwait(false);
            item.VillageEscalated = Stopwatch.GetTimestamp();
        }
        catch (RpcException error)
        {
            item.Fail($"village: {error.Status}");
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>The town's stream: a village case arrived; note it and escalate it on.</summary>
    public void OnTownArrival(string villageNumber, WatchCasesResponse notice)
    {
        var seen = Stopwatch.GetTimestamp();
        if (!_byVillageNumber.TryGetValue(villageNumber, out var item) || item.TownSeen != 0)
        {
            return;
        }

        item.TownSeen = seen;
        _byTownNumber[notice.CaseNumber] = item;
        _townCalls.Add(EscalateAtTownAsync(item, notice));
    }

    /// <summary>The district's stream: a town case arrived.</summary>
    public void OnDistrictArrival(string townNumber, WatchCasesResponse notice)
    {
        var seen = Stopwatch.GetTimestamp();
        if (_byTownNumber.TryGetValue(townNumber, out var item) && item.DistrictSeen == 0)
        {
            item.DistrictSeen = seen;
        }
    }

    public Task TownCallsAsync() => Task.WhenAll(_townCalls);

    private async Task EscalateAtTownAsync(EscalationChainItem item, WatchCasesResponse notice)
    {
        try
        {
            item.TownEscalateSent = Stopwatch.GetTimestamp();
            await townDispatcher.Cases.EscalateCaseAsync(
                new EscalateCaseRequest { CaseId = notice.CaseId, ExpectedVersion = notice.Version, Reason = Reason },
                townDispatcher.Call).ResponseAsync.ConfigureAwait(false);
            item.TownEscalated = Stopwatch.GetTimestamp();
        }
        catch (RpcException error)
        {
            item.Fail($"town: {error.Status}");
        }
    }
}
