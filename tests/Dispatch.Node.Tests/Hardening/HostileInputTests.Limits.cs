using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Node.Tests.Hardening;

/// <summary>Long values, long lists and page sizes: refused with the real status and a short message.</summary>
public abstract partial class HostileInputTests
{
    [Theory]
    [InlineData(7_000)]
    [InlineData(20_000)]
    public async Task LongClientValues_RealStatusWithAShortMessage(int length)
    {
        var target = await AcceptedAsync();
        var before = await SnapshotAsync(target);
        var text = new string('x', length);
        var digits = new string('1', length);
        var dispatcher = await As("dispatcher");
        var worker = await As("worker1");
        var directory = await Node.DirectoryAsAsync("admin");
        var stats = await StatsAsync("dispatcher");
        var supervision = await Node.SupervisionAsAsync("dispatcher");

        var calls = new (string Field, Func<Task> Call)[]
        {
            ("case_id", () => dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = text }).ResponseAsync),
            ("case_id", () => dispatcher.StartCaseAsync(new StartCaseRequest { CaseId = text, ExpectedVersion = 1 }).ResponseAsync),
            ("original_case_id", () => dispatcher.MergeCaseAsync(new MergeCaseRequest { CaseId = target.Id, ExpectedVersion = target.Version, OriginalCaseId = text }).ResponseAsync),
            ("grid_id", () => dispatcher.ListCasesAsync(new ListCasesRequest { GridId = digits }).ResponseAsync),
            ("category_code", () => dispatcher.ListCasesAsync(new ListCasesRequest { CategoryCode = text }).ResponseAsync),
            ("assignee.id", () => dispatcher.AssignCaseAsync(new AssignCaseRequest { CaseId = target.Id, ExpectedVersion = target.Version, Assignee = new Assignee { Kind = AssigneeKind.Worker, Id = text } }).ResponseAsync),
            ("grid_id", () => worker.ReportCaseAsync(Spoilt(r => r.GridId = digits)).ResponseAsync),
            ("evidence_refs[1]", () => worker.ReportCaseAsync(Spoilt(r => r.EvidenceRefs.Add(text))).ResponseAsync),
            ("date", () => stats.GetReportAsync(new GetReportRequest { Kind = ReportKind.Daily, Date = text, Format = ReportFormat.Csv }).ResponseAsync),
            ("unit_id", () => stats.GetEvaluationAsync(new GetEvaluationRequest { UnitKind = UnitKind.Department, UnitId = text, From = In(TimeSpan.Zero, Node.Clock.GetUtcNow()), To = In(TimeSpan.FromDays(1), Node.Clock.GetUtcNow()) }).ResponseAsync),
            ("department_id", () => supervision.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { DepartmentId = text }).ResponseAsync),
            ("user.grid_ids[0]", () => directory.UpsertUserAsync(new UpsertUserRequest { User = new User { UserName = "long", DisplayName = "Long", Role = Role.GridWorker, GridIds = { digits } }, Password = "a-long-password" }).ResponseAsync),
            ("grid.id", () => directory.UpsertGridAsync(new UpsertGridRequest { Grid = new Grid { Id = digits, Name = "Long" } }).ResponseAsync),
        };

        foreach (var (field, call) in calls)
        {
            await InvalidAsync(field, call);
        }

        // Nowhere is a client's value echoed at length: not in the messages above, nor in a NOT_FOUND.
        var unknownUser = await RpcAssert.FailsAsync(StatusCode.NotFound, dispatcher.AssignCaseAsync(new AssignCaseRequest
        {
            CaseId = target.Id, ExpectedVersion = target.Version, Assignee = new Assignee { Kind = AssigneeKind.Worker, Id = Guid.NewGuid().ToString() },
        }));
        Assert.True(unknownUser.Status.Detail.Length < 200);
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public void ErrorMapping_MessageOfAnyLength_CappedWithTheStatusKept()
    {
        var status = Dispatch.Node.Grpc.ErrorMappingInterceptor.ToStatus(new Dispatch.Application.Errors.NotFoundException(new string('m', 50_000)));

        Assert.NotNull(status);
        Assert.Equal(StatusCode.NotFound, status.Value.StatusCode);
        Assert.Equal(Dispatch.Node.Grpc.ErrorMappingInterceptor.MaxMessageLength, status.Value.Detail.Length);
        Assert.EndsWith("…", status.Value.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedFields_MoreElementsThanAllowed_InvalidArgumentNamingTheListAndNothingWritten()
    {
        var target = await InProgressAsync();
        var before = await SnapshotAsync(target);
        var worker = await As("worker1");
        var sanitation = await As("sanitation");
        var supervision = await Node.SupervisionAsAsync("dispatcher");
        var directory = await Node.DirectoryAsAsync("admin");
        var many = Enumerable.Range(0, 100_000).Select(i => $"https://photos.example/{i}.jpg").ToList();

        await InvalidAsync("evidence_refs", () => worker.ReportCaseAsync(Spoilt(r => r.EvidenceRefs.Add(many))).ResponseAsync);
        await InvalidAsync("evidence_refs", () => sanitation.ResolveCaseAsync(new ResolveCaseRequest
        {
            CaseId = target.Id, ExpectedVersion = target.Version, Note = "Done.", EvidenceRefs = { many },
        }).ResponseAsync);
        await InvalidAsync("department_ids", () => supervision.SummonDepartmentsAsync(new SummonDepartmentsRequest
        {
            CaseId = target.Id, ExpectedVersion = target.Version, Reason = "All hands.", DepartmentIds = { Enumerable.Repeat(DemoDirectory.SanitationId.ToString(), 50_000) },
        }).ResponseAsync);
        await InvalidAsync("user.grid_ids", () => directory.UpsertUserAsync(new UpsertUserRequest
        {
            User = new User { UserName = "many-grids", DisplayName = "Many", Role = Role.GridWorker, GridIds = { Enumerable.Repeat(Grid1, 101) } },
            Password = "a-long-password",
        }).ResponseAsync);

        await AssertUnchangedAsync(before);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public async Task EveryListRpc_PageSizeOverTheCap_InvalidArgumentNamingPageSize(int pageSize)
    {
        var stats = await StatsAsync("dispatcher");
        var supervision = await Node.SupervisionAsAsync("dispatcher");
        var outbox = await Node.OutboxAsAsync("admin");

        var cases = await As("dispatcher");

        await InvalidAsync("page_size", () => cases.ListCasesAsync(new ListCasesRequest { PageSize = pageSize }).ResponseAsync);
        await InvalidAsync("page_size", () => supervision.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { PageSize = pageSize }).ResponseAsync);
        await InvalidAsync("page_size", () => stats.ListBulletinsAsync(new ListBulletinsRequest { PageSize = pageSize }).ResponseAsync);
        await InvalidAsync("page_size", () => outbox.ListRefusedMessagesAsync(new ListRefusedMessagesRequest { PageSize = pageSize }).ResponseAsync);
    }

    private static ReportCaseRequest Spoilt(Action<ReportCaseRequest> spoil)
    {
        var request = NewReport("hostile");
        spoil(request);
        return request;
    }
}
