using System.Text;
using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Node.Tests;

/// <summary>
/// Bad fields: INVALID_ARGUMENT whose message starts with the contract's name of the field; unknown
/// ids: NOT_FOUND naming the id. Every bad call leaves the node exactly as it was.
/// </summary>
public abstract class CaseBadInputTests(StorageKind storage) : ScenarioTestBase(storage)
{
    private static readonly Dictionary<string, (string Field, Action<ReportCaseRequest> Spoil)> BadReportRows = new()
    {
        ["missing title"] = ("title", r => r.Title = ""),
        ["blank title"] = ("title", r => r.Title = "   "),
        ["title of 201 characters"] = ("title", r => r.Title = new string('t', 201)),
        ["description of 4001 characters"] = ("description", r => r.Description = new string('d', 4_001)),
        ["missing category"] = ("category_code", r => r.CategoryCode = ""),
        ["unknown category"] = ("category_code", r => r.CategoryCode = "0999"),
        ["missing grid id"] = ("grid_id", r => r.GridId = ""),
        ["grid id of 5 digits"] = ("grid_id", r => r.GridId = "12345"),
        ["grid id with a letter"] = ("grid_id", r => r.GridId = "11010500100100A"),
        ["missing location"] = ("location", r => r.Location = null),
        ["latitude 91"] = ("location.latitude", r => r.Location.Latitude = 91),
        ["latitude NaN"] = ("location.latitude", r => r.Location.Latitude = double.NaN),
        ["longitude -181"] = ("location.longitude", r => r.Location.Longitude = -181),
        ["address of 501 characters"] = ("location.address", r => r.Location.Address = new string('a', 501)),
        ["unspecified whistle"] = ("whistle", r => r.Whistle = WhistleClass.Unspecified),
        ["undefined whistle 7"] = ("whistle", r => r.Whistle = (WhistleClass)7),
        ["unspecified handling mode"] = ("handling_mode", r => r.HandlingMode = HandlingMode.Unspecified),
        ["21 evidence refs"] = ("evidence_refs", r => r.EvidenceRefs.Add(Enumerable.Range(0, 20).Select(i => $"https://photos.example/{i}.jpg"))),
        ["evidence ref neither URL nor hash"] = ("evidence_refs[1]", r => r.EvidenceRefs.Add("photo.jpg")),
        ["evidence ref with ftp scheme"] = ("evidence_refs[1]", r => r.EvidenceRefs.Add("ftp://photos.example/1.jpg")),
        ["evidence ref with short sha256"] = ("evidence_refs[1]", r => r.EvidenceRefs.Add("sha256:abc123")),
        ["evidence ref of 513 characters"] = ("evidence_refs[1]", r => r.EvidenceRefs.Add("https://photos.example/" + new string('p', 490))),
        ["empty evidence ref"] = ("evidence_refs[1]", r => r.EvidenceRefs.Add("")),
        ["missing request id"] = ("request_id", r => r.RequestId = ""),
        ["request id of 65 characters"] = ("request_id", r => r.RequestId = new string('q', 65)),
    };

    public static TheoryData<string> BadReports => [.. BadReportRows.Keys];

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

    public static TheoryData<CaseOrder, string> BadPageTokens => new()
    {
        { CaseOrder.Unspecified, "garbage!" },
        { CaseOrder.Unspecified, Base64("garbage") },
        { CaseOrder.Unspecified, Base64("12|") + "x" },
        { CaseOrder.Unspecified, Base64("9000000000000000000|C-20261124-00000000") },
        { CaseOrder.Unspecified, Base64("-5|C-20261124-00000000") },
        { CaseOrder.DueAsc, "garbage!" },
        { CaseOrder.DueAsc, Base64("garbage") },
        { CaseOrder.DueAsc, Base64("-1") },
        { CaseOrder.DueAsc, Base64("99999999999") },
        { CaseOrder.DueAsc, Base64("638000000000000000|C-20261124-00000000") },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task ReportCase_BadField_InvalidArgumentNamingTheFieldAndNothingWritten(string scenario)
    {
        var (field, spoil) = BadReportRows[scenario];
        var worker = await As("worker1");
        var earlier = await ReportedAsync("earlier");
        var before = await SnapshotAsync(earlier);
        var request = NewReport("bad-report");
        spoil(request);

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, worker.ReportCaseAsync(request), field);

        Assert.StartsWith(field + ":", error.Status.Detail, StringComparison.Ordinal);
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task ReportCase_RejectedRequestId_IsNotTakenByTheFailedCall()
    {
        var worker = await As("worker1");
        var bad = NewReport("retry-after-fix");
        bad.Title = "";
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, worker.ReportCaseAsync(bad), "title");

        var fixedUp = await worker.ReportCaseAsync(NewReport("retry-after-fix"));

        Assert.True(fixedUp.Created);
        Assert.Equal(1, fixedUp.Case.Version);
    }

    [Theory]
    [MemberData(nameof(BadTransitions))]
    public async Task Transition_BadField_InvalidArgumentNamingTheFieldAndCaseUnchanged(string scenario)
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
    public async Task UnknownCaseId_AsGridWorkerOrHandler_NotFoundRatherThanPermissionDenied()
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

    [Theory]
    [InlineData(201)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public async Task ListCases_PageSizeOutOfRange_InvalidArgumentNamingPageSize(int pageSize)
    {
        await ReportedAsync();

        var error = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument, (await As("dispatcher")).ListCasesAsync(new ListCasesRequest { PageSize = pageSize }), "page_size", "200");

        Assert.StartsWith("page_size:", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    public async Task ListCases_PageSizeAtTheLimits_Accepted(int pageSize)
    {
        await ReportedAsync();

        var page = await (await As("dispatcher")).ListCasesAsync(new ListCasesRequest { PageSize = pageSize });

        Assert.Single(page.Cases);
    }

    [Theory]
    [MemberData(nameof(BadPageTokens))]
    public async Task ListCases_GarbagePageToken_InvalidArgumentNamingPageToken(CaseOrder order, string token)
    {
        await ReportedAsync("a");
        await ReportedAsync("b");

        var error = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument, (await As("dispatcher")).ListCasesAsync(new ListCasesRequest { PageToken = token, OrderBy = order }), "page_token");

        Assert.StartsWith("page_token:", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListCases_TokenOfTheOtherOrder_InvalidArgumentNamingPageToken()
    {
        for (var i = 0; i < 3; i++)
        {
            await ReportedAsync($"r-{i}");
        }

        var dispatcher = await As("dispatcher");
        var newestFirst = await dispatcher.ListCasesAsync(new ListCasesRequest { PageSize = 1 });
        var dueFirst = await dispatcher.ListCasesAsync(new ListCasesRequest { PageSize = 1, OrderBy = CaseOrder.DueAsc });

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, dispatcher.ListCasesAsync(new ListCasesRequest { PageToken = newestFirst.NextPageToken, OrderBy = CaseOrder.DueAsc }), "page_token");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, dispatcher.ListCasesAsync(new ListCasesRequest { PageToken = dueFirst.NextPageToken }), "page_token");
    }

    [Fact]
    public async Task ListCases_BadFilters_InvalidArgumentNamingTheFilter()
    {
        var dispatcher = await As("dispatcher");

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, dispatcher.ListCasesAsync(new ListCasesRequest { Text = new string('x', 101) }), "text:");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, dispatcher.ListCasesAsync(new ListCasesRequest { GridId = "110105" }), "grid_id:", "'110105'");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, dispatcher.ListCasesAsync(new ListCasesRequest { Assignee = new Assignee { Kind = AssigneeKind.Department, Id = "sanitation" } }), "assignee.id:");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public async Task WatchCases_NegativeFromSequence_InvalidArgumentNamingFromSequence(long fromSequence)
    {
        await ReportedAsync();
        using var call = (await As("dispatcher")).WatchCases(new WatchCasesRequest { FromSequence = fromSequence });

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => call.ResponseStream.ReadAsync(1), "from_sequence");

        Assert.StartsWith("from_sequence:", error.Status.Detail, StringComparison.Ordinal);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

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

public sealed class CaseBadInputSqliteTests() : CaseBadInputTests(StorageKind.Sqlite);

public sealed class CaseBadInputPostgresTests() : CaseBadInputTests(StorageKind.Postgres);
