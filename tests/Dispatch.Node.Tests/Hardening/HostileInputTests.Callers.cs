using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Node.Tests.Hardening;

/// <summary>Who is calling comes first: a caller outside the case's scope hears PERMISSION_DENIED, whatever else is wrong.</summary>
public abstract partial class HostileInputTests
{
    [Fact]
    public async Task Transitions_CallerOutsideTheCasesScope_PermissionDeniedBeforeTheTransitionRules()
    {
        var accepted = await AcceptedAsync();
        var reported = await ReportedAsync("r-2");
        var before = await SnapshotAsync(accepted, reported);
        var worker2 = await As("worker2");
        var safety = await As("safety");
        var worker1 = await As("worker1");

        // This node is a district: escalating breaks the no-parent rule, but only for someone who may escalate.
        await DeniedAsync("escalate by a worker of another grid", () => worker2.EscalateCaseAsync(new EscalateCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version, Reason = "Too big." }).ResponseAsync);
        await DeniedAsync("escalate by the reporting worker", () => worker1.EscalateCaseAsync(new EscalateCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version, Reason = "Too big." }).ResponseAsync);
        await DeniedAsync("escalate by a department at a stale version", () => safety.EscalateCaseAsync(new EscalateCaseRequest { CaseId = accepted.Id, ExpectedVersion = 99, Reason = "Too big." }).ResponseAsync);

        // Each of these is also an illegal transition (or a stale version) for the case's state.
        await DeniedAsync("start an unassigned case by another department", () => safety.StartCaseAsync(new StartCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version }).ResponseAsync);
        await DeniedAsync("resolve a reported case by a worker of another grid", () => worker2.ResolveCaseAsync(new ResolveCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Note = "Done." }).ResponseAsync);
        await DeniedAsync("verify a reported case by a worker of another grid", () => worker2.VerifyCaseAsync(new VerifyCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Passed = true }).ResponseAsync);
        await DeniedAsync("rate an open case by a worker of another grid", () => worker2.RateCaseAsync(new RateCaseRequest { CaseId = reported.Id, ExpectedVersion = 7, Satisfaction = 5 }).ResponseAsync);
        await DeniedAsync("resume a case that is not deferred, by a department", () => safety.ResumeCaseAsync(new ResumeCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version }).ResponseAsync);
        await DeniedAsync("reopen an open case, by a worker", () => worker2.ReopenCaseAsync(new ReopenCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Again." }).ResponseAsync);

        // The dispatcher may escalate: then the rule speaks.
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, (await As("dispatcher")).EscalateCaseAsync(new EscalateCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version, Reason = "Too big." }), "NodeMustHaveAParent");
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task TwoAuthorizationHeaders_UnauthenticatedSayingSo()
    {
        await ReportedAsync();
        var workerToken = await Node.LoginAsync("worker1");
        var dispatcherToken = await Node.LoginAsync("dispatcher");
        var cases = new CaseService.CaseServiceClient(Node.Channel);

        foreach (var (first, second) in new[] { (workerToken, dispatcherToken), (dispatcherToken, dispatcherToken), ("garbage", dispatcherToken) })
        {
            var headers = new Metadata { { "authorization", "Bearer " + first }, { "authorization", "Bearer " + second } };
            await RpcAssert.FailsAsync(StatusCode.Unauthenticated, cases.ListCasesAsync(new ListCasesRequest(), headers), "more than one 'authorization' header");
        }

        // One header of the same token works.
        var one = new Metadata { { "authorization", "Bearer " + dispatcherToken } };
        Assert.Single((await cases.ListCasesAsync(new ListCasesRequest(), one)).Cases);
    }

    private static async Task DeniedAsync(string label, Func<Task> call) =>
        await RpcAssert.FailsAsync(label, StatusCode.PermissionDenied, call);
}
