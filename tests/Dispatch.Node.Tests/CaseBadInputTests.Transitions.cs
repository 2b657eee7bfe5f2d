using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Node.Tests;

/// <summary>Bad fields and unknown ids on the calls that change or read one case.</summary>
public abstract partial class CaseBadInputTests
{
    public static TheoryData<string> BadTransitions =>
    [
        "reject without reason",
        "reject with blank reason",
        "accept with note of 2001 characters",
        "assign without assignee",
        "assign to unspecified kind",
        "assign to malformed id",
        "resolve without note",
        "resolve with bad evidence ref",
        "verify failed without note",
        "defer without until",
        "defer until the past",
        "defer without reason",
        "reopen without reason",
        "rate 0",
        "rate 6",
        "rate -1",
        "merge into malformed id",
        "accept without expected version",
        "accept with negative expected version",
    ];

    [Theory]
    [MemberData(nameof(BadTransitions))]
    public async Task Transitions_BadField_InvalidArgumentNamingTheFieldAndCaseUnchanged(string scenario)
    {
        var (target, caller, field, call) = await ArrangeBadTransitionAsync(scenario);
        var before = await SnapshotAsync(target);

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => call(caller), field);

        Assert.StartsWith(field + ":", error.Status.Detail, StringComparison.Ordinal);
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task EveryCaseRpc_CaseIdNotAGuid_InvalidArgumentNamingCaseIdAndValue()
    {
        var target = await AcceptedAsync();
        var before = await SnapshotAsync(target);

        foreach (var (rpc, call) in EveryCaseRpc(await As("dispatcher"), "not-a-guid", version: target.Version))
        {
            await RpcAssert.FailsAsync(rpc, StatusCode.InvalidArgument, call, "case_id", "'not-a-guid'");
        }

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task EveryCaseRpc_EmptyCaseId_InvalidArgumentSayingCaseIdIsRequired()
    {
        var target = await AcceptedAsync();
        var before = await SnapshotAsync(target);

        foreach (var (rpc, call) in EveryCaseRpc(await As("dispatcher"), "", version: 1))
        {
            await RpcAssert.FailsAsync(rpc, StatusCode.InvalidArgument, call, "case_id: is required");
        }

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task EveryCaseRpc_UnknownCaseId_NotFoundNamingTheId()
    {
        var target = await AcceptedAsync();
        var before = await SnapshotAsync(target);
        var unknown = Guid.NewGuid().ToString();

        foreach (var (rpc, call) in EveryCaseRpc(await As("dispatcher"), unknown, version: 1))
        {
            await RpcAssert.FailsAsync(rpc, StatusCode.NotFound, call, unknown);
        }

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task GetAndStartCase_UnknownIdAsGridWorkerOrHandler_NotFoundNotPermissionDenied()
    {
        var unknown = Guid.NewGuid().ToString();

        await RpcAssert.FailsAsync(StatusCode.NotFound, (await As("worker2")).GetCaseAsync(new GetCaseRequest { CaseId = unknown }), unknown);
        await RpcAssert.FailsAsync(StatusCode.NotFound, (await As("safety")).StartCaseAsync(new StartCaseRequest { CaseId = unknown, ExpectedVersion = 1 }), unknown);
    }

    [Fact]
    public async Task MergeCase_UnknownOriginal_NotFoundNamingTheOriginalAndDuplicateUnchanged()
    {
        var duplicate = await AcceptedAsync();
        var before = await SnapshotAsync(duplicate);
        var unknown = Guid.NewGuid().ToString();

        await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            (await As("dispatcher")).MergeCaseAsync(new MergeCaseRequest { CaseId = duplicate.Id, ExpectedVersion = duplicate.Version, OriginalCaseId = unknown }),
            unknown);

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task AssignCase_ToADepartmentThatDoesNotExist_NotFoundNamingItAndUnchanged()
    {
        var accepted = await AcceptedAsync();
        var before = await SnapshotAsync(accepted);
        var unknown = Guid.NewGuid().ToString();

        await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            (await As("dispatcher")).AssignCaseAsync(new AssignCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version, Assignee = new Assignee { Kind = AssigneeKind.Department, Id = unknown } }),
            unknown);

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task AssignCase_ToAWorkerWhoDoesNotExist_NotFoundNamingItAndUnchanged()
    {
        var accepted = await AcceptedAsync();
        var before = await SnapshotAsync(accepted);
        var unknown = Guid.NewGuid().ToString();
        var dispatcher = await As("dispatcher");

        await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            dispatcher.AssignCaseAsync(new AssignCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version, Assignee = new Assignee { Kind = AssigneeKind.Worker, Id = unknown } }),
            unknown);

        await AssertUnchangedAsync(before);
    }

    /// <summary>Every case RPC that names a case, aimed at <paramref name="caseId"/> with otherwise valid fields.</summary>
    private static IEnumerable<(string Rpc, Func<Task> Call)> EveryCaseRpc(CaseService.CaseServiceClient client, string caseId, int version)
    {
        var now = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        yield return ("GetCase", () => client.GetCaseAsync(new GetCaseRequest { CaseId = caseId }).ResponseAsync);
        yield return ("AcceptCase", () => client.AcceptCaseAsync(new AcceptCaseRequest { CaseId = caseId, ExpectedVersion = version }).ResponseAsync);
        yield return ("RejectCase", () => client.RejectCaseAsync(new RejectCaseRequest { CaseId = caseId, ExpectedVersion = version, Reason = "Not ours." }).ResponseAsync);
        yield return ("AssignCase", () => client.AssignCaseAsync(new AssignCaseRequest { CaseId = caseId, ExpectedVersion = version, Assignee = Sanitation }).ResponseAsync);
        yield return ("StartCase", () => client.StartCaseAsync(new StartCaseRequest { CaseId = caseId, ExpectedVersion = version }).ResponseAsync);
        yield return ("ResolveCase", () => client.ResolveCaseAsync(new ResolveCaseRequest { CaseId = caseId, ExpectedVersion = version, Note = "Done." }).ResponseAsync);
        yield return ("VerifyCase", () => client.VerifyCaseAsync(new VerifyCaseRequest { CaseId = caseId, ExpectedVersion = version, Passed = true }).ResponseAsync);
        yield return ("DeferCase", () => client.DeferCaseAsync(new DeferCaseRequest { CaseId = caseId, ExpectedVersion = version, Until = In(TimeSpan.FromDays(1), now), Reason = "Parts." }).ResponseAsync);
        yield return ("ResumeCase", () => client.ResumeCaseAsync(new ResumeCaseRequest { CaseId = caseId, ExpectedVersion = version }).ResponseAsync);
        yield return ("ReopenCase", () => client.ReopenCaseAsync(new ReopenCaseRequest { CaseId = caseId, ExpectedVersion = version, Reason = "Back again." }).ResponseAsync);
        yield return ("RateCase", () => client.RateCaseAsync(new RateCaseRequest { CaseId = caseId, ExpectedVersion = version, Satisfaction = 4 }).ResponseAsync);
        yield return ("MergeCase", () => client.MergeCaseAsync(new MergeCaseRequest { CaseId = caseId, ExpectedVersion = version, OriginalCaseId = Guid.NewGuid().ToString() }).ResponseAsync);
    }

    private async Task<(Case Target, CaseService.CaseServiceClient Caller, string Field, Func<CaseService.CaseServiceClient, Task> Call)> ArrangeBadTransitionAsync(string scenario)
    {
        var dispatcher = await As("dispatcher");
        var sanitation = await As("sanitation");
        var worker = await As("worker1");
        var now = Node.Clock.GetUtcNow();
        switch (scenario)
        {
            case "reject without reason":
            {
                var c = await ReportedAsync();
                return (c, dispatcher, "reason", x => x.RejectCaseAsync(new RejectCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version }).ResponseAsync);
            }

            case "reject with blank reason":
            {
                var c = await ReportedAsync();
                return (c, dispatcher, "reason", x => x.RejectCaseAsync(new RejectCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Reason = " \t " }).ResponseAsync);
            }

            case "accept with note of 2001 characters":
            {
                var c = await ReportedAsync();
                return (c, dispatcher, "note", x => x.AcceptCaseAsync(new AcceptCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Note = new string('n', 2_001) }).ResponseAsync);
            }

            case "assign without assignee":
            {
                var c = await AcceptedAsync();
                return (c, dispatcher, "assignee", x => x.AssignCaseAsync(new AssignCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version }).ResponseAsync);
            }

            case "assign to unspecified kind":
            {
                var c = await AcceptedAsync();
                var assignee = new Assignee { Id = Sanitation.Id };
                return (c, dispatcher, "assignee.kind", x => x.AssignCaseAsync(new AssignCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Assignee = assignee }).ResponseAsync);
            }

            case "assign to malformed id":
            {
                var c = await AcceptedAsync();
                var assignee = new Assignee { Kind = AssigneeKind.Department, Id = "SANITATION" };
                return (c, dispatcher, "assignee.id", x => x.AssignCaseAsync(new AssignCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Assignee = assignee }).ResponseAsync);
            }

            case "resolve without note":
            {
                var c = await InProgressAsync();
                return (c, sanitation, "note", x => x.ResolveCaseAsync(new ResolveCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version }).ResponseAsync);
            }

            case "resolve with bad evidence ref":
            {
                var c = await InProgressAsync();
                return (c, sanitation, "evidence_refs[1]", x => x.ResolveCaseAsync(new ResolveCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Note = "Done.", EvidenceRefs = { "https://photos.example/ok.jpg", "file:///etc/passwd" } }).ResponseAsync);
            }

            case "verify failed without note":
            {
                var c = await ResolvedAsync();
                return (c, worker, "note", x => x.VerifyCaseAsync(new VerifyCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Passed = false }).ResponseAsync);
            }

            case "defer without until":
            {
                var c = await AssignedAsync();
                return (c, dispatcher, "until", x => x.DeferCaseAsync(new DeferCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Reason = "Parts." }).ResponseAsync);
            }

            case "defer until the past":
            {
                var c = await AssignedAsync();
                return (c, dispatcher, "until", x => x.DeferCaseAsync(new DeferCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Until = In(TimeSpan.FromHours(-1), now), Reason = "Parts." }).ResponseAsync);
            }

            case "defer without reason":
            {
                var c = await AssignedAsync();
                return (c, dispatcher, "reason", x => x.DeferCaseAsync(new DeferCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Until = In(TimeSpan.FromDays(1), now) }).ResponseAsync);
            }

            case "reopen without reason":
            {
                var c = await ClosedAsync();
                return (c, dispatcher, "reason", x => x.ReopenCaseAsync(new ReopenCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version }).ResponseAsync);
            }

            case "rate 0" or "rate 6" or "rate -1":
            {
                var c = await ClosedAsync();
                var satisfaction = int.Parse(scenario[5..], System.Globalization.CultureInfo.InvariantCulture);
                return (c, worker, "satisfaction", x => x.RateCaseAsync(new RateCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Satisfaction = satisfaction }).ResponseAsync);
            }

            case "merge into malformed id":
            {
                var c = await ReportedAsync();
                return (c, dispatcher, "original_case_id", x => x.MergeCaseAsync(new MergeCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, OriginalCaseId = "C-20261124-00000000" }).ResponseAsync);
            }

            case "accept without expected version":
            {
                var c = await ReportedAsync();
                return (c, dispatcher, "expected_version", x => x.AcceptCaseAsync(new AcceptCaseRequest { CaseId = c.Id }).ResponseAsync);
            }

            case "accept with negative expected version":
            {
                var c = await ReportedAsync();
                return (c, dispatcher, "expected_version", x => x.AcceptCaseAsync(new AcceptCaseRequest { CaseId = c.Id, ExpectedVersion = -1 }).ResponseAsync);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "No such scenario.");
        }
    }
}
