using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Node.Tests.Deadlines;

/// <summary>A node with deadlines on, clients whose sign-ins outlast the days the clock jumps, and a sweep started through Hangfire.</summary>
public abstract class DeadlineTestBase(StorageKind storage) : ScenarioTestBase(storage)
{
    protected override IReadOnlyDictionary<string, string?>? NodeSettings { get; } = new Dictionary<string, string?>
    {
        ["Deadlines:Enabled"] = "true",

        // The clock moves by days; sign-ins last the whole test.
        ["Node:TokenLifetime"] = "60.00:00:00",

        // No periodic sweep of its own: the tests start every sweep.
        ["Deadlines:SafetySweep"] = "00:00:00",
    };

    /// <summary>
    /// Sweeps the deadlines through Hangfire (<see cref="NodeTestHost.SweepDeadlines"/>) at the fake clock's current
    /// time, and reads the watch until <paramref name="last"/>. The sweep reads the clock once, so what it fires it
    /// fires at exactly that instant.
    /// </summary>
    protected Task<List<WatchCasesResponse>> UntilAsync(AsyncServerStreamingCall<WatchCasesResponse> watch, Func<WatchCasesResponse, bool> last)
    {
        Node.SweepDeadlines();
        return watch.ResponseStream.ReadUntilAsync(last);
    }

    protected static ReportCaseRequest WithWhistle(ReportCaseRequest request, WhistleClass whistle)
    {
        request.Whistle = whistle;
        return request;
    }
}
