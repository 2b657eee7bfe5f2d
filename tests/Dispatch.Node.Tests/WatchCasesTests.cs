using Dispatch.Application.Feed;
using Dispatch.Application.Writing;
using Dispatch.Contracts.V1;
using Dispatch.Data.Escalation;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests;

/// <summary>
/// The node's case feed: every event once, in commit order, resumable from any sequence, live after
/// the backlog, and filtered to the watcher's scope. Reads wait on the stream with a generous
/// time-out; nothing sleeps.
/// </summary>
public abstract class WatchCasesTests(StorageKind storage) : ScenarioTestBase(storage)
{
    [Theory]
    [InlineData("dispatcher")]
    [InlineData("supervisor")]
    [InlineData("admin")]
    public async Task WatchCases_FromZero_EveryEventOfTheScenarioInOrderWithIncreasingSequences(string watcher)
    {
        var expected = await RunScenarioAsync();
        using var call = (await As(watcher)).WatchCases(new WatchCasesRequest { FromSequence = 0 });

        var notices = await call.ResponseStream.ReadAsync(expected.Count);

        Assert.Equal(expected.Select(e => e.ToString()), notices.Select(Describe));
        AssertWellFormed(notices);
        var histories = new Dictionary<string, Case>();
        foreach (var notice in notices)
        {
            if (!histories.TryGetValue(notice.CaseId, out var c))
            {
                histories[notice.CaseId] = c = await ReadAsync(notice.CaseId);
            }

            Assert.Equal(c.Number, notice.CaseNumber);
            Assert.Equal(c.GridId, notice.GridId);
            Assert.Equal(c.History[notice.Version - 1], notice.Event);
        }
    }

    [Fact]
    public async Task WatchCases_ResumedFromTheKthSequence_ExactlyTheRestThenLiveWithoutRepeats()
    {
        var expected = await RunScenarioAsync();
        var dispatcher = await As("dispatcher");
        List<WatchCasesResponse> all;
        using (var first = dispatcher.WatchCases(new WatchCasesRequest()))
        {
            all = await first.ResponseStream.ReadAsync(expected.Count);
        }

        int[] cuts = [1, 2, expected.Count / 2, expected.Count - 1, expected.Count];
        var resumed = cuts.Select(k => (K: k, Call: dispatcher.WatchCases(new WatchCasesRequest { FromSequence = all[k - 1].Sequence }))).ToList();
        try
        {
            foreach (var (k, call) in resumed)
            {
                var rest = await call.ResponseStream.ReadAsync(expected.Count - k);
                Assert.Equal(all.Skip(k), rest);
            }

            // Whatever comes next on every resumed stream is the next commit: nothing repeated, nothing left over.
            var marker = await ReportedAsync("marker", reporter: "worker2", grid: Grid3);
            foreach (var (k, call) in resumed)
            {
                var next = (await call.ResponseStream.ReadAsync(1)).Single();
                Assert.Equal((marker.Id, "CaseReported"), (next.CaseId, next.Event.Type));
                Assert.True(next.Sequence > all[^1].Sequence, $"Resumed after #{k}: the marker has sequence {next.Sequence}, not after {all[^1].Sequence}.");
            }
        }
        finally
        {
            resumed.ForEach(r => r.Call.Dispose());
        }
    }

    [Fact]
    public async Task WatchCases_LiveWatcher_ReceivesEventsCommittedAfterItCaughtUp()
    {
        var reported = await ReportedAsync();
        var dispatcher = await As("dispatcher");
        using var call = dispatcher.WatchCases(new WatchCasesRequest());
        var backlog = await call.ResponseStream.ReadAsync(1);
        Assert.Equal(reported.Id, backlog[0].CaseId);

        // The watcher has caught up and now waits; these commit while it does.
        var accepted = (await dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version })).Case;
        var live = await call.ResponseStream.ReadAsync(1);
        await As("worker2");
        var burst = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => ReportedAsync($"burst-{i}", reporter: "worker2", grid: Grid3)));
        var afterBurst = await call.ResponseStream.ReadAsync(5);

        Assert.Equal((accepted.Id, "CaseAccepted", 2), (live[0].CaseId, live[0].Event.Type, live[0].Version));
        Assert.Equal(CaseStatus.Accepted, live[0].Status);
        Assert.Equal(burst.Select(c => c.Id).Order(), afterBurst.Select(n => n.CaseId).Order());
        AssertWellFormed([.. backlog, .. live, .. afterBurst]);
    }

    [Fact]
    public async Task WatchCases_FromTheHead_ReceivesOnlyWhatIsCommittedNext()
    {
        await RunScenarioAsync();
        var dispatcher = await As("dispatcher");
        long head;
        using (var probe = dispatcher.WatchCases(new WatchCasesRequest()))
        {
            head = (await probe.ResponseStream.ReadUntilAsync(n => n.Event.Type == "CaseRejected"))[^1].Sequence;
        }

        using var call = dispatcher.WatchCases(new WatchCasesRequest { FromSequence = head });
        var next = await ReportedAsync("next", reporter: "worker2", grid: Grid3);

        var notice = (await call.ResponseStream.ReadAsync(1)).Single();
        Assert.Equal((next.Id, "CaseReported"), (notice.CaseId, notice.Event.Type));
        Assert.True(notice.Sequence > head);
    }

    [Fact]
    public async Task WatchCases_GridWorker_OnlyTheirGridsEvents()
    {
        var expected = await RunScenarioAsync();
        var marker = await ReportedAsync("grid3-marker", reporter: "worker2", grid: Grid3);
        using var call = (await As("worker2")).WatchCases(new WatchCasesRequest());

        var notices = await call.ResponseStream.ReadUntilAsync(n => n.CaseId == marker.Id);

        Assert.All(notices, n => Assert.Equal(Grid3, n.GridId));
        Assert.Equal(
            expected.Where(e => e.Grid == Grid3).Select(e => e.ToString()).Append($"{marker.Id} CaseReported v1"),
            notices.Select(Describe));
        AssertWellFormed(notices);
    }

    [Fact]
    public async Task WatchCases_GridWorkerLive_SkipsOtherGridsCommittedInBetween()
    {
        var own = await ReportedAsync("own", reporter: "worker2", grid: Grid3);
        using var call = (await As("worker2")).WatchCases(new WatchCasesRequest());
        Assert.Equal(own.Id, (await call.ResponseStream.ReadAsync(1))[0].CaseId);

        var elsewhere = await AcceptedAsync("elsewhere");
        var accepted = (await (await As("dispatcher")).AcceptCaseAsync(new AcceptCaseRequest { CaseId = own.Id, ExpectedVersion = own.Version })).Case;

        var next = (await call.ResponseStream.ReadAsync(1)).Single();
        Assert.Equal((accepted.Id, "CaseAccepted"), (next.CaseId, next.Event.Type));
        Assert.NotEqual(elsewhere.Id, next.CaseId);
    }

    [Fact]
    public async Task WatchCases_DepartmentHandler_OnlyCasesAssignedToTheirDepartment()
    {
        var expected = await RunScenarioAsync();
        var sanitationCase = expected.First(e => e.Type == "CaseStarted").CaseId;
        var safetyCase = expected.Last(e => e.Type == "CaseAssigned").CaseId;

        // Each handler's marker is the last event of the case assigned to them.
        var sanitationCaseNow = await ReadAsync(sanitationCase);
        var safetyCaseNow = await ReadAsync(safetyCase);
        var safetyStarted = (await (await As("safety")).StartCaseAsync(new StartCaseRequest { CaseId = safetyCase, ExpectedVersion = safetyCaseNow.Version })).Case;

        using var sanitation = (await As("sanitation")).WatchCases(new WatchCasesRequest());
        using var safety = (await As("safety")).WatchCases(new WatchCasesRequest());
        var seenBySanitation = await sanitation.ResponseStream.ReadUntilAsync(n => n.CaseId == sanitationCase && n.Version == sanitationCaseNow.Version);
        var seenBySafety = await safety.ResponseStream.ReadUntilAsync(n => n.CaseId == safetyCase && n.Version == safetyStarted.Version);

        Assert.All(seenBySanitation, n => Assert.Equal(sanitationCase, n.CaseId));
        Assert.Equal(sanitationCaseNow.History.Select(e => e.Type), seenBySanitation.Select(n => n.Event.Type));
        Assert.All(seenBySafety, n => Assert.Equal(safetyCase, n.CaseId));
        Assert.Equal(["CaseReported", "CaseAccepted", "CaseAssigned", "CaseStarted"], seenBySafety.Select(n => n.Event.Type));
    }

    [Fact]
    public async Task WatchCases_BadCallsInBetween_AddNothingToTheFeed()
    {
        var dispatcher = await As("dispatcher");
        var worker2 = await As("worker2");
        var assigned = await AssignedAsync();
        using var call = dispatcher.WatchCases(new WatchCasesRequest());
        var backlog = await call.ResponseStream.ReadAsync(assigned.Version);

        var badReport = NewReport("bad");
        badReport.Title = "";
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, (await As("worker1")).ReportCaseAsync(badReport));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, worker2.ReportCaseAsync(NewReport("elsewhere", grid: Grid1)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = Guid.NewGuid().ToString(), ExpectedVersion = 1 }));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = assigned.Id, ExpectedVersion = assigned.Version }));
        await RpcAssert.FailsAsync(StatusCode.Aborted, dispatcher.AssignCaseAsync(new AssignCaseRequest { CaseId = assigned.Id, ExpectedVersion = assigned.Version - 1, Assignee = Safety }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, (await As("safety")).StartCaseAsync(new StartCaseRequest { CaseId = assigned.Id, ExpectedVersion = assigned.Version }));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, new CaseService.CaseServiceClient(Node.Channel).ReportCaseAsync(NewReport("anonymous")));
        var started = (await (await As("sanitation")).StartCaseAsync(new StartCaseRequest { CaseId = assigned.Id, ExpectedVersion = assigned.Version })).Case;

        var next = (await call.ResponseStream.ReadAsync(1)).Single();
        Assert.Equal((started.Id, "CaseStarted", started.Version), (next.CaseId, next.Event.Type, next.Version));
        AssertWellFormed([.. backlog, next]);
    }

    [Fact]
    public async Task WatchCases_TwoWatchersAtOnce_SeeTheSameFeed()
    {
        var expected = await RunScenarioAsync();
        var dispatcher = await As("dispatcher");
        using var one = dispatcher.WatchCases(new WatchCasesRequest());
        using var two = (await As("supervisor")).WatchCases(new WatchCasesRequest());

        var reads = await Task.WhenAll(one.ResponseStream.ReadAsync(expected.Count), two.ResponseStream.ReadAsync(expected.Count));

        Assert.Equal(reads[0], reads[1]);
    }

    [Fact]
    public async Task Commit_ThatAddsNothingToTheFeed_DoesNotWakeWatchers_ACommitThatAdds_Does()
    {
        var signal = Node.Services.GetRequiredService<CaseFeedSignal>();
        var writer = Node.Services.GetRequiredService<CaseWriter>();
        var next = signal.NextCommit;

        // Bookkeeping only (a subscription's cursor): the watchers would read the feed for nothing.
        await writer.WriteAsync(
            context =>
            {
                context.ParentCursors.Add(new ParentCursor("some-parent", 7));
                return Task.FromResult(true);
            },
            CancellationToken.None);
        Assert.False(next.IsCompleted);

        await ReportedAsync("wakes");
        Assert.True(next.IsCompleted);
    }

    private static string Describe(WatchCasesResponse notice) => $"{notice.CaseId} {notice.Event.Type} v{notice.Version}";

    private static void AssertWellFormed(IReadOnlyList<WatchCasesResponse> notices)
    {
        for (var i = 0; i < notices.Count; i++)
        {
            var n = notices[i];
            Assert.True(i == 0 || n.Sequence > notices[i - 1].Sequence, $"Sequence {n.Sequence} at #{i} does not follow {(i == 0 ? 0 : notices[i - 1].Sequence)}.");
            Assert.True(n.Sequence > 0);
            Assert.Equal(n.Version, n.Event.Sequence);
            Assert.Equal(n.Status, n.Event.ToStatus);
            Assert.NotEmpty(n.CaseNumber);
            Assert.NotEmpty(n.Event.ActorId);
            Assert.NotNull(n.Event.At);
        }
    }

    /// <summary>
    /// Four cases in two grids, interleaved, through most of the loop; returns every event the node
    /// must have appended to its feed, in commit order.
    /// </summary>
    private async Task<List<Expected>> RunScenarioAsync()
    {
        var worker1 = await As("worker1");
        var worker2 = await As("worker2");
        var dispatcher = await As("dispatcher");
        var sanitation = await As("sanitation");
        var expected = new List<Expected>();
        void Saw(Case c, string type) => expected.Add(new Expected(c.Id, c.GridId, type, c.Version));

        var a = (await worker1.ReportCaseAsync(NewReport("a"))).Case;
        Saw(a, "CaseReported");
        var b = (await worker2.ReportCaseAsync(NewReport("b", grid: Grid3, category: "0301"))).Case;
        Saw(b, "CaseReported");
        a = (await dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = a.Id, ExpectedVersion = a.Version })).Case;
        Saw(a, "CaseAccepted");
        a = (await dispatcher.AssignCaseAsync(new AssignCaseRequest { CaseId = a.Id, ExpectedVersion = a.Version, Assignee = Sanitation })).Case;
        Saw(a, "CaseAssigned");
        b = (await dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = b.Id, ExpectedVersion = b.Version })).Case;
        Saw(b, "CaseAccepted");
        a = (await sanitation.StartCaseAsync(new StartCaseRequest { CaseId = a.Id, ExpectedVersion = a.Version })).Case;
        Saw(a, "CaseStarted");
        b = (await dispatcher.AssignCaseAsync(new AssignCaseRequest { CaseId = b.Id, ExpectedVersion = b.Version, Assignee = Safety })).Case;
        Saw(b, "CaseAssigned");
        var spot = NewReport("c", grid: Grid2, category: "0101");
        spot.HandlingMode = HandlingMode.Immediate;
        var c = (await worker1.ReportCaseAsync(spot)).Case;
        expected.Add(new Expected(c.Id, c.GridId, "CaseReported", 1));
        Saw(c, "CaseResolved");
        a = (await sanitation.ResolveCaseAsync(new ResolveCaseRequest { CaseId = a.Id, ExpectedVersion = a.Version, Note = "Cleaned." })).Case;
        Saw(a, "CaseResolved");
        a = (await worker1.VerifyCaseAsync(new VerifyCaseRequest { CaseId = a.Id, ExpectedVersion = a.Version, Passed = true })).Case;
        Saw(a, "CaseVerified");
        c = (await dispatcher.VerifyCaseAsync(new VerifyCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Passed = true })).Case;
        Saw(c, "CaseVerified");
        var d = (await worker2.ReportCaseAsync(NewReport("d", grid: Grid3, category: "0401"))).Case;
        Saw(d, "CaseReported");
        d = (await dispatcher.RejectCaseAsync(new RejectCaseRequest { CaseId = d.Id, ExpectedVersion = d.Version, Reason = "Private property." })).Case;
        Saw(d, "CaseRejected");
        return expected;
    }

    private sealed record Expected(string CaseId, string Grid, string Type, int Version)
    {
        public override string ToString() => $"{CaseId} {Type} v{Version}";
    }
}

public sealed class WatchCasesSqliteTests() : WatchCasesTests(StorageKind.Sqlite);

public sealed class WatchCasesPostgresTests() : WatchCasesTests(StorageKind.Postgres);
