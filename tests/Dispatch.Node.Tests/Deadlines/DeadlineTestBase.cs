using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Node.Tests.Deadlines;

/// <summary>A node with deadlines on, clients whose sign-ins outlast the days the clock jumps, and a watch reader that copes with Quartz.</summary>
public abstract class DeadlineTestBase(StorageKind storage) : ScenarioTestBase(storage)
{
    protected override IReadOnlyDictionary<string, string?>? NodeSettings { get; } = new Dictionary<string, string?>
    {
        ["Deadlines:Enabled"] = "true",

        // The clock moves by days; sign-ins last the whole test.
        ["Node:TokenLifetime"] = "60.00:00:00",

        // Every firing of a periodic sweep is a step of the fake clock; these tests jump by hours.
        ["Deadlines:SafetySweep"] = "00:00:00",
    };

    /// <summary>
    /// How far past a deadline the fake clock may have crept (see <see cref="UntilAsync"/>) before the alarm's
    /// sweep read it: never before the deadline, and late only by the creep, which runs ten times faster than
    /// real time while the node works. How late alarms fire in real time is measured by scripts/bench-deadlines.sh.
    /// </summary>
    public static readonly TimeSpan CreepAllowance = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Reads the watch until <paramref name="last"/>. Quartz reacts to a jump of the fake clock on its own
    /// thread; if that thread rests on a timer it set after the jump, nothing would move the clock again,
    /// so meanwhile the clock creeps on by 200 ms every 20 ms of real time (as the cluster tests do). A trigger
    /// found more than a minute late is a misfire, fired by Quartz's misfire check a fake minute later.
    /// </summary>
    protected async Task<List<WatchCasesResponse>> UntilAsync(AsyncServerStreamingCall<WatchCasesResponse> watch, Func<WatchCasesResponse, bool> last)
    {
        using var done = new CancellationTokenSource();
        var creep = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                await Task.Delay(20, CancellationToken.None);
                Node.Clock.Advance(TimeSpan.FromMilliseconds(200));
            }
        });
        try
        {
            return await watch.ResponseStream.ReadUntilAsync(last);
        }
        finally
        {
            await done.CancelAsync();
            await creep;
        }
    }

    protected static ReportCaseRequest WithWhistle(ReportCaseRequest request, WhistleClass whistle)
    {
        request.Whistle = whistle;
        return request;
    }

}
