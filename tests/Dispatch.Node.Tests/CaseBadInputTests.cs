using System.Text;
using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Node.Tests;

/// <summary>
/// Bad fields: INVALID_ARGUMENT whose message starts with the contract's name of the field; unknown
/// ids: NOT_FOUND naming the id. Every bad call leaves the node exactly as it was.
/// </summary>
public abstract partial class CaseBadInputTests(StorageKind storage) : ScenarioTestBase(storage)
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
    public async Task ReportCase_GridNotInTheDirectory_NotFoundNamingTheGridAndNothingWritten()
    {
        var earlier = await ReportedAsync("earlier");
        var before = await SnapshotAsync(earlier);
        var request = NewReport("unknown-grid", grid: DemoDirectory.AreaTownVillage + "999");

        await RpcAssert.FailsAsync(StatusCode.NotFound, (await As("dispatcher")).ReportCaseAsync(request), request.GridId);

        await AssertUnchangedAsync(before);
        var retried = await (await As("dispatcher")).ReportCaseAsync(NewReport("unknown-grid"));
        Assert.True(retried.Created);
    }

    [Fact]
    public async Task ReportCase_GridAddedAfterANotFound_AcceptedAtOnce()
    {
        var dispatcher = await As("dispatcher");
        var grid = DemoDirectory.AreaTownVillage + "997";
        await RpcAssert.FailsAsync(StatusCode.NotFound, dispatcher.ReportCaseAsync(NewReport("before-the-grid", grid: grid)), grid);

        await (await Node.DirectoryAsAsync("admin")).UpsertGridAsync(new UpsertGridRequest { Grid = new Grid { Id = grid, Name = "Grid 997" } });
        var reported = await dispatcher.ReportCaseAsync(NewReport("after-the-grid", grid: grid));

        Assert.True(reported.Created);
        Assert.Equal(grid, reported.Case.GridId);
    }

    [Fact]
    public async Task ReportCase_UnknownGridBesideGoodReports_OnlyThatReportFails()
    {
        var dispatcher = await As("dispatcher");
        var calls = Enumerable.Range(0, 8)
            .Select(i => dispatcher.ReportCaseAsync(NewReport($"mixed-{i}", grid: i == 3 ? DemoDirectory.AreaTownVillage + "998" : Grid1)).ResponseAsync)
            .ToList();

        var outcomes = await Task.WhenAll(calls.Select(async call =>
        {
            try
            {
                return (await call).Created ? "created" : "repeat";
            }
            catch (RpcException ex)
            {
                return ex.StatusCode.ToString();
            }
        }));

        Assert.Equal(["created", "created", "created", "NotFound", "created", "created", "created", "created"], outcomes);
        var listed = await dispatcher.ListCasesAsync(new ListCasesRequest { PageSize = 50 });
        Assert.Equal(7, listed.Cases.Count);
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
}

public sealed class CaseBadInputSqliteTests() : CaseBadInputTests(StorageKind.Sqlite);

public sealed class CaseBadInputPostgresTests() : CaseBadInputTests(StorageKind.Postgres);
