using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dispatch.Node.Tests.Hardening;

/// <summary>
/// What a broken or hostile client sends beyond the plain bad fields: numbers outside an enum, timestamps outside
/// the Timestamp's range, values of kilobytes, more elements than a list may have. Each is a clear status naming the
/// field, with a short message, and changes nothing.
/// </summary>
public abstract partial class HostileInputTests(StorageKind storage) : ScenarioTestBase(storage)
{
    private const int UnknownEnum = 99;

    [Fact]
    public async Task ListCases_UnknownStatusWhistleCategoryOrOrder_InvalidArgumentNamingTheFilter()
    {
        await ReportedAsync();
        var dispatcher = await As("dispatcher");

        await InvalidAsync("statuses[0]", () => dispatcher.ListCasesAsync(new ListCasesRequest { Statuses = { (CaseStatus)UnknownEnum } }).ResponseAsync);
        await InvalidAsync("statuses[1]", () => dispatcher.ListCasesAsync(new ListCasesRequest { Statuses = { CaseStatus.Reported, CaseStatus.Unspecified } }).ResponseAsync);
        await InvalidAsync("statuses", () => dispatcher.ListCasesAsync(new ListCasesRequest { Statuses = { Enumerable.Repeat(CaseStatus.Reported, 17) } }).ResponseAsync);
        await InvalidAsync("whistle", () => dispatcher.ListCasesAsync(new ListCasesRequest { Whistle = (WhistleClass)UnknownEnum }).ResponseAsync);
        await InvalidAsync("whistle", () => dispatcher.ListCasesAsync(new ListCasesRequest { Whistle = (WhistleClass)(-1) }).ResponseAsync);
        await InvalidAsync("category_code", () => dispatcher.ListCasesAsync(new ListCasesRequest { CategoryCode = "0999" }).ResponseAsync);
        await InvalidAsync("category_code", () => dispatcher.ListCasesAsync(new ListCasesRequest { CategoryCode = "sanitation" }).ResponseAsync);
        await InvalidAsync("order_by", () => dispatcher.ListCasesAsync(new ListCasesRequest { OrderBy = (CaseOrder)UnknownEnum }).ResponseAsync);
        await InvalidAsync("assignee.kind", () => dispatcher.ListCasesAsync(new ListCasesRequest { Assignee = new Assignee { Id = DemoDirectory.SanitationId.ToString() } }).ResponseAsync);

        // The known values still filter: a top-level category takes its children, unspecified whistle means any.
        var page = await dispatcher.ListCasesAsync(new ListCasesRequest { Statuses = { CaseStatus.Reported }, CategoryCode = "02", Whistle = WhistleClass.Unspecified });
        Assert.Single(page.Cases);
    }

    [Fact]
    public async Task EveryRequestEnum_UnknownOrUnspecified_InvalidArgumentNamingTheField()
    {
        var target = await AcceptedAsync();
        var before = await SnapshotAsync(target);
        var worker = await As("worker1");
        var dispatcher = await As("dispatcher");
        var directory = await Node.DirectoryAsAsync("admin");
        var supervision = await Node.SupervisionAsAsync("dispatcher");
        var stats = await StatsAsync("dispatcher");

        foreach (var whistle in new[] { WhistleClass.Unspecified, (WhistleClass)UnknownEnum })
        {
            var report = NewReport("enum-report");
            report.Whistle = whistle;
            await InvalidAsync("whistle", () => worker.ReportCaseAsync(report).ResponseAsync);
        }

        var badMode = NewReport("enum-report");
        badMode.HandlingMode = (HandlingMode)UnknownEnum;
        await InvalidAsync("handling_mode", () => worker.ReportCaseAsync(badMode).ResponseAsync);
        await InvalidAsync("assignee.kind", () => dispatcher.AssignCaseAsync(new AssignCaseRequest
        {
            CaseId = target.Id,
            ExpectedVersion = target.Version,
            Assignee = new Assignee { Kind = (AssigneeKind)UnknownEnum, Id = DemoDirectory.SanitationId.ToString() },
        }).ResponseAsync);

        await InvalidAsync("role", () => directory.ListUsersAsync(new ListUsersRequest { Role = (Role)UnknownEnum }).ResponseAsync);
        await InvalidAsync("user.role", () => directory.UpsertUserAsync(new UpsertUserRequest
        {
            User = new User { UserName = "enum-user", DisplayName = "Enum", Role = (Role)UnknownEnum },
            Password = "a-long-password",
        }).ResponseAsync);
        await InvalidAsync("user.role", () => directory.UpsertUserAsync(new UpsertUserRequest
        {
            User = new User { UserName = "enum-user", DisplayName = "Enum" },
            Password = "a-long-password",
        }).ResponseAsync);

        await InvalidAsync("kind", () => supervision.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { Kind = (SupervisionOrderKind)UnknownEnum }).ResponseAsync);
        await InvalidAsync("statuses[0]", () => supervision.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { Statuses = { (SupervisionOrderStatus)UnknownEnum } }).ResponseAsync);

        await InvalidAsync("unit_kind", () => stats.GetEvaluationAsync(new GetEvaluationRequest { UnitKind = (UnitKind)UnknownEnum }).ResponseAsync);
        await InvalidAsync("kind", () => stats.ListBulletinsAsync(new ListBulletinsRequest { Kind = (ReportKind)UnknownEnum }).ResponseAsync);
        await InvalidAsync("kind", () => stats.GetBulletinAsync(new GetBulletinRequest { Date = "2026-11-24", Format = ReportFormat.Csv }).ResponseAsync);
        await InvalidAsync("format", () => stats.GetBulletinAsync(new GetBulletinRequest { Kind = ReportKind.Daily, Date = "2026-11-24", Format = (ReportFormat)UnknownEnum }).ResponseAsync);
        await InvalidAsync("format", () => stats.GetReportAsync(new GetReportRequest { Kind = ReportKind.Daily, Date = "2026-11-24", Format = (ReportFormat)UnknownEnum }).ResponseAsync);

        Assert.All((await directory.ListUsersAsync(new ListUsersRequest { Role = Role.GridWorker })).Users, u => Assert.Equal(Role.GridWorker, u.Role));
        Assert.DoesNotContain((await directory.ListUsersAsync(new ListUsersRequest())).Users, u => u.UserName == "enum-user");
        await AssertUnchangedAsync(before);
    }

    public static TheoryData<long, int> TimestampsOutOfRange => new()
    {
        { Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)).Seconds, -1 },
        { Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)).Seconds, 1_000_000_000 },
        { Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)).Seconds, int.MinValue },
        { 253_402_300_800, 0 },
        { long.MaxValue, 0 },
        { -62_135_596_801, 0 },
        { long.MinValue, 999_999_999 },
    };

    [Theory]
    [MemberData(nameof(TimestampsOutOfRange))]
    public async Task DeferCase_UntilOutsideTheTimestampRange_InvalidArgumentNamingUntilAndUnchanged(long seconds, int nanos)
    {
        var target = await AcceptedAsync();
        var before = await SnapshotAsync(target);
        var until = new Timestamp { Seconds = seconds, Nanos = nanos };
        var dispatcher = await As("dispatcher");
        var stats = await StatsAsync("supervisor");

        await InvalidAsync("until", () => dispatcher.DeferCaseAsync(new DeferCaseRequest
        {
            CaseId = target.Id, ExpectedVersion = target.Version, Until = until, Reason = "Waiting for the landlord.",
        }).ResponseAsync);
        await InvalidAsync("from", () => stats.GetEvaluationAsync(new GetEvaluationRequest
        {
            UnitKind = UnitKind.Grid, From = until, To = Timestamp.FromDateTimeOffset(Node.Clock.GetUtcNow()),
        }).ResponseAsync);

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task StatsAtTheCalendarEdges_AnsweredOrInvalidArgumentNeverUnknown()
    {
        await ReportedAsync();
        var stats = await StatsAsync("dispatcher");
        foreach (var kind in new[] { ReportKind.Daily, ReportKind.Weekly, ReportKind.Monthly })
        {
            foreach (var date in new[] { "1900-01-01", "9998-12-31" })
            {
                var report = await stats.GetReportAsync(new GetReportRequest { Kind = kind, Date = date, Format = ReportFormat.Html });
                Assert.True(report.To.ToDateTimeOffset() > report.From.ToDateTimeOffset(), $"{kind} {date}");
                await RpcAssert.FailsAsync($"bulletin {kind} {date}", StatusCode.NotFound, () => stats.GetBulletinAsync(new GetBulletinRequest { Kind = kind, Date = date, Format = ReportFormat.Csv }).ResponseAsync);
            }

            foreach (var date in new[] { "9999-12-31", "0001-01-01", "1899-12-31" })
            {
                await InvalidAsync("date", () => stats.GetReportAsync(new GetReportRequest { Kind = kind, Date = date, Format = ReportFormat.Csv }).ResponseAsync);
                await InvalidAsync("date", () => stats.GetBulletinAsync(new GetBulletinRequest { Kind = kind, Date = date, Format = ReportFormat.Csv }).ResponseAsync);
            }
        }

        // The last and first days a Timestamp can name are periods like any other.
        var last = DateTimeOffset.MaxValue.AddTicks(-(DateTimeOffset.MaxValue.Ticks % TimeSpan.TicksPerSecond));
        foreach (var (from, to) in new[] { (last.AddDays(-366), last), (DateTimeOffset.MinValue, DateTimeOffset.MinValue.AddDays(366)) })
        {
            var evaluation = await stats.GetEvaluationAsync(new GetEvaluationRequest { UnitKind = UnitKind.Grid, From = Timestamp.FromDateTimeOffset(from), To = Timestamp.FromDateTimeOffset(to) });
            Assert.Empty(evaluation.Units);
        }
    }

    private async Task<StatsService.StatsServiceClient> StatsAsync(string userName) =>
        new(Node.Channel.CreateCallInvoker().WithToken(await Node.LoginAsync(userName)));

    /// <summary>The call fails with INVALID_ARGUMENT whose message starts with the field's contract name and is short.</summary>
    private static async Task InvalidAsync(string field, Func<Task> call)
    {
        var error = await RpcAssert.FailsAsync(field, StatusCode.InvalidArgument, call, field);
        Assert.StartsWith(field + ":", error.Status.Detail, StringComparison.Ordinal);
        Assert.True(error.Status.Detail.Length <= 300, $"{field}: a message of {error.Status.Detail.Length} characters");
    }
}

public sealed class HostileInputSqliteTests() : HostileInputTests(StorageKind.Sqlite);
