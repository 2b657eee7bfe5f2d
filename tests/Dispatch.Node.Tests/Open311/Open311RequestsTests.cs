using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Dispatch.Contracts.V1;

namespace Dispatch.Node.Tests.Open311;

/// <summary>POST requests and GET requests, requests/{id}: a case reported through Open311 and read back through both doors.</summary>
public sealed class Open311RequestsTests(Open311Node node) : IClassFixture<Open311Node>
{
    [Fact]
    public async Task Post_CreatesACaseInTheGridOfTheLocation_SeenThroughGrpcWithItsDeadline()
    {
        var response = await node.PostAsync(Open311Node.Form("Bins at the north gate overflow", ("account_id", "acct-7"), ("media_url", "https://photos.example/bins.jpg")));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body);
        var answer = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray());
        var id = answer.GetProperty("service_request_id").GetString()!;
        Assert.Equal("acct-7", answer.GetProperty("account_id").GetString());
        Assert.Contains(id, answer.GetProperty("service_notice").GetString(), StringComparison.Ordinal);

        var @case = await CaseAsync(id);
        Assert.Equal(NodeTestBase.Grid1, @case.GridId);
        Assert.Equal("0201", @case.CategoryCode);
        Assert.Equal("Bins at the north gate overflow", @case.Title);
        Assert.Equal(Contracts.V1.CaseStatus.Reported, @case.Status);
        Assert.NotNull(@case.DueAt);

        var read = Assert.Single((await node.GetJsonAsync($"requests/{id}.json")).EnumerateArray());
        Assert.Equal(id, read.GetProperty("service_request_id").GetString());
        Assert.Equal("open", read.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(read.GetProperty("status_notes").GetString()));
        Assert.Equal("0201", read.GetProperty("service_code").GetString());
        Assert.Equal("Uncollected household garbage", read.GetProperty("service_name").GetString());
        Assert.Equal("Bins at the north gate overflow", read.GetProperty("description").GetString());
        Assert.Equal("Test node", read.GetProperty("agency_responsible").GetString());
        Assert.Equal("North gate, Building 3", read.GetProperty("address").GetString());
        Assert.Equal(39.9215, read.GetProperty("lat").GetDouble());
        Assert.Equal(116.442, read.GetProperty("long").GetDouble());
        Assert.Equal("https://photos.example/bins.jpg", read.GetProperty("media_url").GetString());
        Assert.Equal(@case.DueAt.ToDateTimeOffset(), Time(read, "expected_datetime"));
        Assert.Equal(@case.ReportedAt.ToDateTimeOffset(), Time(read, "requested_datetime"));
        Assert.True(Time(read, "updated_datetime") >= Time(read, "requested_datetime"));
        Assert.False(read.TryGetProperty("reporter_id", out _));
    }

    [Fact]
    public async Task Post_AssignedToADepartment_NamesItAsTheAgency_AndRejectedReadsClosed()
    {
        var assignedId = await node.ReportAsync("Assigned to sanitation");
        var rejectedId = await node.ReportAsync("Not a case for us");
        var dispatcher = await node.Node.CasesAsAsync("dispatcher");
        var assigned = await CaseAsync(assignedId);
        var accepted = (await dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = assigned.Id, ExpectedVersion = assigned.Version })).Case;
        await dispatcher.AssignCaseAsync(new AssignCaseRequest
        {
            CaseId = accepted.Id, ExpectedVersion = accepted.Version,
            Assignee = new Assignee { Kind = AssigneeKind.Department, Id = Seeding.DemoDirectory.SanitationId.ToString() },
        });
        var rejected = await CaseAsync(rejectedId);
        await dispatcher.RejectCaseAsync(new RejectCaseRequest { CaseId = rejected.Id, ExpectedVersion = rejected.Version, Reason = "internal note: duplicate of a phone report" });

        var both = await node.GetJsonAsync($"requests.json?service_request_id={assignedId},{rejectedId}");
        var first = both[0];
        var second = both[1];
        Assert.Equal("Sanitation team", first.GetProperty("agency_responsible").GetString());
        Assert.Equal("open", first.GetProperty("status").GetString());
        Assert.Equal("closed", second.GetProperty("status").GetString());
        Assert.DoesNotContain("internal note", second.GetRawText(), StringComparison.Ordinal);

        var closed = await node.GetJsonAsync("requests.json?status=closed");
        Assert.Contains(closed.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == rejectedId);
        Assert.DoesNotContain(closed.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == assignedId);
        var open = await node.GetJsonAsync("requests.json?status=open");
        Assert.Contains(open.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == assignedId);
        Assert.DoesNotContain(open.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == rejectedId);
        var any = await node.GetJsonAsync("requests.json?status=open,closed");
        Assert.Contains(any.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == rejectedId);
    }

    [Fact]
    public async Task Post_RetriedWithTheSameFields_OrTheSameIdempotencyKey_CreatesOneCase()
    {
        var form = Open311Node.Form("Retried report of a broken bin lid");
        var first = await node.PostAsync(form);
        var before = await node.CaseCountAsync();
        var retry = await node.PostAsync(form);

        Assert.Equal(System.Net.HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await IdOf(first), await IdOf(retry));
        Assert.Equal(before, await node.CaseCountAsync());

        var keyed = await IdOf(await node.PostAsync(Open311Node.Form("Keyed report"), idempotencyKey: "client-retry-1"));
        Assert.Equal(keyed, await IdOf(await node.PostAsync(Open311Node.Form("Keyed report"), idempotencyKey: "client-retry-1")));
        Assert.NotEqual(keyed, await IdOf(await node.PostAsync(Open311Node.Form("Keyed report"), idempotencyKey: "client-retry-2")));

        // Another app sending the same fields is another reporter: its own case.
        Assert.NotEqual(await IdOf(first), await IdOf(await node.PostAsync(Open311Node.Form("Retried report of a broken bin lid", ("api_key", Open311Node.OtherKey)))));
    }

    [Fact]
    public async Task Post_InAGridDrawnInsideAnother_FindsTheSmallestGrid()
    {
        const string inner = "110105001001009";
        var admin = await node.Node.DirectoryAsAsync("admin");
        await admin.UpsertGridAsync(new UpsertGridRequest
        {
            Grid = new Grid { Id = inner, Name = "Gate block", Extent = new GridExtent { South = 39.9230, West = 116.4410, North = 39.9240, East = 116.4420 } },
        });

        var id = await node.ReportAsync("Inside the gate block", ("lat", "39.9235"), ("long", "116.4415"));

        Assert.Equal(inner, (await CaseAsync(id)).GridId);
        var listed = (await admin.ListGridsAsync(new ListGridsRequest())).Grids.Single(g => g.Id == inner);
        Assert.Equal(39.9240, listed.Extent.North);
        Assert.NotNull((await admin.ListGridsAsync(new ListGridsRequest())).Grids.Single(g => g.Id == NodeTestBase.Grid1).Extent);
    }

    [Fact]
    public async Task Get_Requests_FiltersByServiceCodeAndDates_AndAnswersXml()
    {
        var early = await node.ReportAsync("Early report for the date filter", ("service_code", "0203"));
        node.Node.Clock.Advance(TimeSpan.FromHours(2));
        var late = await node.ReportAsync("Late report for the date filter", ("service_code", "0203"));
        var between = node.Node.Clock.GetUtcNow().AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        var code = Ids(await node.GetJsonAsync("requests.json?service_code=0203"));
        Assert.Contains(early, code);
        Assert.Contains(late, code);
        Assert.DoesNotContain(code, id => id == null);
        Assert.All((await node.GetJsonAsync("requests.json?service_code=0203")).EnumerateArray(), r => Assert.Equal("0203", r.GetProperty("service_code").GetString()));
        var after = Ids(await node.GetJsonAsync($"requests.json?service_code=0203&start_date={between}"));
        Assert.Equal([late], after);
        var before = Ids(await node.GetJsonAsync($"requests.json?service_code=0203&end_date={between}"));
        Assert.Equal([early], before);

        var xml = XDocument.Parse(await node.Http.GetStringAsync(Open311Node.Base + $"requests/{late}.xml"));
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var request = Assert.Single(xml.Root.Elements("request"));
        Assert.Equal(late, request.Element("service_request_id")!.Value);
        Assert.Equal("open", request.Element("status")!.Value);
        Assert.NotEmpty(request.Element("expected_datetime")!.Value);
        Assert.NotNull(request.Element("agency_responsible"));
    }

    [Fact]
    public async Task Get_BadFiltersAndUnknownIds_AreRefusedInTheSpecsFormat()
    {
        await Open311Node.AssertErrorAsync(await node.Http.GetAsync(Open311Node.Base + "requests.json?start_date=yesterday"), 400, "start_date");
        await Open311Node.AssertErrorAsync(await node.Http.GetAsync(Open311Node.Base + "requests.json?end_date=2026-13-45"), 400, "end_date");
        await Open311Node.AssertErrorAsync(await node.Http.GetAsync(Open311Node.Base + "requests.json?start_date=2026-11-20&end_date=2026-11-10"), 400, "start_date");
        await Open311Node.AssertErrorAsync(await node.Http.GetAsync(Open311Node.Base + "requests.json?status=pending"), 400, "status");
        await Open311Node.AssertErrorAsync(await node.Http.GetAsync(Open311Node.Base + "requests.json?service_code=9999"), 404, "9999");
        await Open311Node.AssertErrorAsync(await node.Http.GetAsync(Open311Node.Base + "requests/C-20261124-DEADBEEF.json"), 404, "C-20261124-DEADBEEF");
        Assert.Equal(0, (await node.GetJsonAsync("requests.json?service_request_id=C-20261124-DEADBEEF")).GetArrayLength());
    }

    private async Task<Case> CaseAsync(string number)
    {
        var dispatcher = await node.Node.CasesAsAsync("dispatcher");
        var listed = Assert.Single((await dispatcher.ListCasesAsync(new ListCasesRequest { Text = number })).Cases);
        return (await dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = listed.Id })).Case;
    }

    private static async Task<string> IdOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    private static List<string?> Ids(JsonElement requests) =>
        [.. requests.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString())];

    private static DateTimeOffset Time(JsonElement request, string name) =>
        DateTimeOffset.Parse(request.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
}
