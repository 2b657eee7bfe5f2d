using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Node.Tests;

/// <summary>
/// Well-formed calls the case's state or the caller's role and scope do not allow: illegal transitions
/// FAILED_PRECONDITION naming the rule, stale versions ABORTED, role, grid or department outside the
/// caller's scope PERMISSION_DENIED. Each leaves the node exactly as it was.
/// </summary>
public abstract partial class CaseStateAndScopeTests(StorageKind storage) : ScenarioTestBase(storage)
{
    [Fact]
    public async Task StartCase_BeforeAssignment_FailedPreconditionIllegalTransition()
    {
        var accepted = await AcceptedAsync();
        var before = await SnapshotAsync(accepted);

        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            (await As("dispatcher")).StartCaseAsync(new StartCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version }),
            "IllegalTransition", "Start", "Accepted");

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task AcceptCase_Twice_FailedPreconditionIllegalTransition()
    {
        var accepted = await AcceptedAsync();
        var before = await SnapshotAsync(accepted);

        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            (await As("dispatcher")).AcceptCaseAsync(new AcceptCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version }),
            "IllegalTransition", "Accept", "Accepted");

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task AssignCase_ClosedCase_FailedPreconditionClosedCaseCannotBeAssigned()
    {
        var closed = await ClosedAsync();
        var before = await SnapshotAsync(closed);

        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            (await As("dispatcher")).AssignCaseAsync(new AssignCaseRequest { CaseId = closed.Id, ExpectedVersion = closed.Version, Assignee = Safety }),
            "ClosedCaseCannotBeAssigned", "reopen");

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task RateCase_BySomeoneNotTheReporter_FailedPreconditionOnlyReporterCanRate()
    {
        var closed = await ClosedAsync();
        var before = await SnapshotAsync(closed);

        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            (await As("dispatcher")).RateCaseAsync(new RateCaseRequest { CaseId = closed.Id, ExpectedVersion = closed.Version, Satisfaction = 5 }),
            "OnlyReporterCanRate");

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task RateCase_Twice_FailedPreconditionSatisfactionCanBeGivenOnlyOnce()
    {
        var closed = await ClosedAsync();
        var worker = await As("worker1");
        var rated = (await worker.RateCaseAsync(new RateCaseRequest { CaseId = closed.Id, ExpectedVersion = closed.Version, Satisfaction = 4 })).Case;
        var before = await SnapshotAsync(rated);

        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            worker.RateCaseAsync(new RateCaseRequest { CaseId = rated.Id, ExpectedVersion = rated.Version, Satisfaction = 5 }),
            "SatisfactionCanBeGivenOnlyOnce");

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task RateCase_OpenCase_FailedPreconditionOnlyClosedCaseCanBeRated()
    {
        var resolved = await ResolvedAsync();
        var before = await SnapshotAsync(resolved);

        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            (await As("worker1")).RateCaseAsync(new RateCaseRequest { CaseId = resolved.Id, ExpectedVersion = resolved.Version, Satisfaction = 5 }),
            "OnlyClosedCaseCanBeRated");

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task VerifyCase_ByTheResolvingWorker_FailedPreconditionVerifierMustNotBeResolver()
    {
        var worker = await As("worker1");
        var assigned = await AssignedAsync(assignee: new Assignee { Kind = AssigneeKind.Worker, Id = await UserIdAsync("worker1") });
        var started = (await worker.StartCaseAsync(new StartCaseRequest { CaseId = assigned.Id, ExpectedVersion = assigned.Version })).Case;
        var resolved = (await worker.ResolveCaseAsync(new ResolveCaseRequest { CaseId = started.Id, ExpectedVersion = started.Version, Note = "Fixed it myself." })).Case;
        var before = await SnapshotAsync(resolved);

        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            worker.VerifyCaseAsync(new VerifyCaseRequest { CaseId = resolved.Id, ExpectedVersion = resolved.Version, Passed = true }),
            "VerifierMustNotBeResolver");

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task VerifyCase_ByTheResolvingDispatcher_FailedPreconditionVerifierMustNotBeResolver()
    {
        var dispatcher = await As("dispatcher");
        var assigned = await AssignedAsync();
        var started = (await dispatcher.StartCaseAsync(new StartCaseRequest { CaseId = assigned.Id, ExpectedVersion = assigned.Version })).Case;
        var resolved = (await dispatcher.ResolveCaseAsync(new ResolveCaseRequest { CaseId = started.Id, ExpectedVersion = started.Version, Note = "Done from the centre." })).Case;
        var before = await SnapshotAsync(resolved);

        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            dispatcher.VerifyCaseAsync(new VerifyCaseRequest { CaseId = resolved.Id, ExpectedVersion = resolved.Version, Passed = false, Note = "Not good." }),
            "VerifierMustNotBeResolver");

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Transitions_IllegalFromTheCurrentStatus_FailedPreconditionNamingTheRuleAndUnchanged()
    {
        var dispatcher = await As("dispatcher");
        var reported = await ReportedAsync("reported");
        var assigned = await AssignedAsync("assigned");
        var closed = await ClosedAsync("closed");
        var before = await SnapshotAsync(reported, assigned, closed);

        await RpcAssert.FailsAsync("Resume a case that is not deferred", StatusCode.FailedPrecondition, () => dispatcher.ResumeCaseAsync(new ResumeCaseRequest { CaseId = assigned.Id, ExpectedVersion = assigned.Version }).ResponseAsync, "IllegalTransition", "Resume", "Assigned");
        await RpcAssert.FailsAsync("Reopen an open case", StatusCode.FailedPrecondition, () => dispatcher.ReopenCaseAsync(new ReopenCaseRequest { CaseId = assigned.Id, ExpectedVersion = assigned.Version, Reason = "Again." }).ResponseAsync, "IllegalTransition", "Reopen");
        await RpcAssert.FailsAsync("Reject an assigned case", StatusCode.FailedPrecondition, () => dispatcher.RejectCaseAsync(new RejectCaseRequest { CaseId = assigned.Id, ExpectedVersion = assigned.Version, Reason = "No." }).ResponseAsync, "IllegalTransition", "Reject");
        await RpcAssert.FailsAsync("Resolve a reported case", StatusCode.FailedPrecondition, () => dispatcher.ResolveCaseAsync(new ResolveCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Note = "Done." }).ResponseAsync, "IllegalTransition", "Resolve", "Reported");
        await RpcAssert.FailsAsync("Verify an unresolved case", StatusCode.FailedPrecondition, () => dispatcher.VerifyCaseAsync(new VerifyCaseRequest { CaseId = assigned.Id, ExpectedVersion = assigned.Version, Passed = true }).ResponseAsync, "IllegalTransition", "Verify");
        await RpcAssert.FailsAsync("Defer a closed case", StatusCode.FailedPrecondition, () => dispatcher.DeferCaseAsync(new DeferCaseRequest { CaseId = closed.Id, ExpectedVersion = closed.Version, Until = In(TimeSpan.FromDays(1), Node.Clock.GetUtcNow()), Reason = "Later." }).ResponseAsync, "IllegalTransition", "Defer", "Closed");
        await RpcAssert.FailsAsync("Merge a case into itself", StatusCode.FailedPrecondition, () => dispatcher.MergeCaseAsync(new MergeCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, OriginalCaseId = reported.Id }).ResponseAsync, "CaseCannotBeMergedIntoItself");
        await RpcAssert.FailsAsync("Merge into a closed case", StatusCode.FailedPrecondition, () => dispatcher.MergeCaseAsync(new MergeCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, OriginalCaseId = closed.Id }).ResponseAsync, "OriginalCaseMustStillBeOpen", closed.Number);

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task RejectCase_StaleExpectedVersion_AbortedNamingBothVersionsThenTheRightVersionSucceeds()
    {
        var first = await As("dispatcher");
        var second = await Node.CasesAsAsync("dispatcher");
        var reported = await ReportedAsync();
        var accepted = (await first.AcceptCaseAsync(new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version })).Case;
        var before = await SnapshotAsync(accepted);

        // The second dispatcher still holds version 1 and would reject what the first has just accepted.
        await RpcAssert.FailsAsync(
            StatusCode.Aborted,
            second.RejectCaseAsync(new RejectCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Duplicate." }),
            reported.Id, "version 2", "expected version 1");
        await AssertUnchangedAsync(before);

        var reread = await ReadAsync(reported.Id);
        var assigned = (await second.AssignCaseAsync(new AssignCaseRequest { CaseId = reread.Id, ExpectedVersion = reread.Version, Assignee = Sanitation })).Case;
        Assert.Equal(CaseStatus.Assigned, assigned.Status);
        Assert.Equal(3, assigned.Version);
    }

    [Fact]
    public async Task AcceptCase_ExpectedVersionAheadOfTheCase_AbortedAndUnchanged()
    {
        var reported = await ReportedAsync();
        var before = await SnapshotAsync(reported);

        await RpcAssert.FailsAsync(
            StatusCode.Aborted,
            (await As("dispatcher")).AcceptCaseAsync(new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version + 1 }),
            "version 1", "expected version 2");

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task AcceptCase_StaleVersionAndNowIllegal_AbortedFirst()
    {
        // A client working from an old version learns first that its view is stale, not that its move is illegal now.
        var reported = await ReportedAsync();
        var dispatcher = await As("dispatcher");
        var accepted = (await dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version })).Case;
        var before = await SnapshotAsync(accepted);

        await RpcAssert.FailsAsync(StatusCode.Aborted, dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version }));

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task AssignCase_ConcurrentWritersAtTheSameVersion_ExactlyOneWinsTheOthersAborted()
    {
        var accepted = await AcceptedAsync();
        var dispatchers = new List<CaseService.CaseServiceClient>();
        for (var i = 0; i < 4; i++)
        {
            dispatchers.Add(await Node.CasesAsAsync("dispatcher"));
        }

        var attempts = dispatchers.Select((d, i) => Attempt(d.AssignCaseAsync(new AssignCaseRequest
        {
            CaseId = accepted.Id,
            ExpectedVersion = accepted.Version,
            Assignee = i % 2 == 0 ? Sanitation : Safety,
        }).ResponseAsync));
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o.Error is null);
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.Equal(StatusCode.Aborted, o.Error!.StatusCode));
        var winner = outcomes.Single(o => o.Error is null).Case!;
        var final = await ReadAsync(accepted.Id);
        var finalWithoutHistory = final.Clone();
        finalWithoutHistory.History.Clear();
        Assert.Equal(winner, finalWithoutHistory);
        Assert.Equal(accepted.Version + 1, final.Version);
        Assert.Single(final.History, e => e.Type == "CaseAssigned");
        Assert.Equal(winner.Assignee, final.Assignee);

        static async Task<(Case? Case, RpcException? Error)> Attempt(Task<AssignCaseResponse> call)
        {
            try
            {
                return ((await call).Case, null);
            }
            catch (RpcException ex)
            {
                return (null, ex);
            }
        }
    }
}

public sealed class CaseStateAndScopeSqliteTests() : CaseStateAndScopeTests(StorageKind.Sqlite);

public sealed class CaseStateAndScopePostgresTests() : CaseStateAndScopeTests(StorageKind.Postgres);
