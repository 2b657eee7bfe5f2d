using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Node.Tests.Stats;

/// <summary>ListBulletins and GetBulletin: contents, order, pages, and every refusal.</summary>
public abstract partial class BulletinTests
{
    [Fact]
    public async Task GetBulletin_EqualsGetReportAtProductionTime_AndKeepsItAfterTheDataChanges()
    {
        await ReportAcceptAssignAsync("first");
        ClockTo(MidnightOf(2026, 11, 30));
        await Producer.ProduceDueAsync(CancellationToken.None);
        var stats = await StatsAs("dispatcher");

        var live = new Dictionary<(ReportKind, ReportFormat), GetReportResponse>();
        foreach (var kind in new[] { ReportKind.Daily, ReportKind.Weekly })
        {
            foreach (var format in new[] { ReportFormat.Csv, ReportFormat.Html })
            {
                var report = await stats.GetReportAsync(new GetReportRequest { Kind = kind, Date = "2026-11-24", Format = format });
                var bulletin = await stats.GetBulletinAsync(new GetBulletinRequest { Kind = kind, Date = "2026-11-24", Format = format });
                Assert.Equal(report.Content, bulletin.Content);
                Assert.Equal(report.ContentType, bulletin.ContentType);
                Assert.Equal(report.FileName, bulletin.FileName);
                Assert.Equal(report.From, bulletin.From);
                Assert.Equal(report.To, bulletin.To);
                Assert.Equal(MidnightOf(2026, 11, 30), bulletin.ProducedAt.ToDateTimeOffset());
                live[(kind, format)] = report;
            }
        }

        Assert.Contains("Asia/Shanghai", live[(ReportKind.Daily, ReportFormat.Html)].Content.ToStringUtf8());
        Assert.Contains("2026-11-29 16:00 UTC", live[(ReportKind.Daily, ReportFormat.Html)].Content.ToStringUtf8()); // generated at

        // Any day of the week names the week; the sizes listed are the sizes fetched.
        var week = await stats.GetBulletinAsync(new GetBulletinRequest { Kind = ReportKind.Weekly, Date = "2026-11-29", Format = ReportFormat.Csv });
        Assert.Equal("dispatch-weekly-2026-11-23.csv", week.FileName);
        var listed = (await stats.ListBulletinsAsync(new ListBulletinsRequest { Kind = ReportKind.Weekly })).Bulletins.Single();
        Assert.Equal(week.Content.Length, listed.Files[0].Size);
        Assert.Equal(live[(ReportKind.Weekly, ReportFormat.Html)].Content.Length, listed.Files[1].Size);

        // A renamed department changes the live report; the bulletin stays as it was produced.
        var directory = await Node.DirectoryAsAsync("admin");
        var sanitation = (await directory.ListDepartmentsAsync(new ListDepartmentsRequest())).Departments.Single(d => d.Id == DemoDirectory.SanitationId.ToString());
        sanitation.Name = "Renamed sanitation";
        await directory.UpsertDepartmentAsync(new UpsertDepartmentRequest { Department = sanitation });
        var now = await stats.GetReportAsync(new GetReportRequest { Kind = ReportKind.Daily, Date = "2026-11-24", Format = ReportFormat.Csv });
        var kept = await stats.GetBulletinAsync(new GetBulletinRequest { Kind = ReportKind.Daily, Date = "2026-11-24", Format = ReportFormat.Csv });
        Assert.Contains("Renamed sanitation", now.Content.ToStringUtf8());
        Assert.DoesNotContain("Renamed sanitation", kept.Content.ToStringUtf8());
        Assert.Equal(live[(ReportKind.Daily, ReportFormat.Csv)].Content, kept.Content);
    }

    [Fact]
    public async Task ListBulletins_NewestFirstLongerFirstOnOneDay_InPagesAndByKind()
    {
        await ReportAcceptAssignAsync("first");
        ClockTo(MidnightOf(2027, 1, 1));
        Assert.Equal(38, (await Producer.ProduceDueAsync(CancellationToken.None)).Count);

        var all = await ListAllAsync(new ListBulletinsRequest { PageSize = 200 });
        Assert.Equal(38, all.Count);
        Assert.Equal(all.OrderByDescending(b => b.FirstDay, StringComparer.Ordinal).ThenByDescending(b => b.To.ToDateTimeOffset()).Select(Name), all.Select(Name));
        Assert.Equal(["DAILY 2026-12-31", "DAILY 2026-12-30"], all.Take(2).Select(Name));
        Assert.Equal(["WEEKLY 2026-12-21", "DAILY 2026-12-21"], all.SkipWhile(b => b.FirstDay != "2026-12-21").Take(2).Select(Name));
        Assert.Equal(["MONTHLY 2026-12-01", "DAILY 2026-12-01", "WEEKLY 2026-11-30", "WEEKLY 2026-11-23", "MONTHLY 2026-11-01"], all.TakeLast(5).Select(Name));

        // Pages of 7 (the last one short) read the same list; the default page is 50.
        Assert.Equal(all.Select(Name), (await ListAllAsync(new ListBulletinsRequest { PageSize = 7 })).Select(Name));
        var stats = await StatsAs("admin");
        var first = await stats.ListBulletinsAsync(new ListBulletinsRequest { PageSize = 7 });
        Assert.Equal(7, first.Bulletins.Count);
        var second = await stats.ListBulletinsAsync(new ListBulletinsRequest { PageSize = 7, PageToken = first.NextPageToken });
        Assert.Equal(all.Skip(7).Take(7).Select(Name), second.Bulletins.Select(Name));
        var whole = await stats.ListBulletinsAsync(new ListBulletinsRequest());
        Assert.Equal(38, whole.Bulletins.Count);
        Assert.Equal("", whole.NextPageToken);
        var exact = await stats.ListBulletinsAsync(new ListBulletinsRequest { PageSize = 38 });
        Assert.Equal("", exact.NextPageToken);

        // One kind; its pages; a token carried over from the unfiltered list positions the filtered one.
        var weekly = await ListAllAsync(new ListBulletinsRequest { Kind = ReportKind.Weekly, PageSize = 2 });
        Assert.Equal(["WEEKLY 2026-12-21", "WEEKLY 2026-12-14", "WEEKLY 2026-12-07", "WEEKLY 2026-11-30", "WEEKLY 2026-11-23"], weekly.Select(Name));
        Assert.Equal(["MONTHLY 2026-12-01", "MONTHLY 2026-11-01"], (await ListAllAsync(new ListBulletinsRequest { Kind = ReportKind.Monthly })).Select(Name));
        var afterFirstPage = await stats.ListBulletinsAsync(new ListBulletinsRequest { Kind = ReportKind.Weekly, PageToken = first.NextPageToken });
        Assert.Equal(["WEEKLY 2026-12-21", "WEEKLY 2026-12-14", "WEEKLY 2026-12-07", "WEEKLY 2026-11-30", "WEEKLY 2026-11-23"], afterFirstPage.Bulletins.Select(Name));
    }

    [Fact]
    public async Task GetBulletin_NotProduced_NotFoundSayingWhy()
    {
        await ReportAcceptAssignAsync("first");
        ClockTo(MidnightOf(2026, 11, 25));
        await Producer.ProduceDueAsync(CancellationToken.None);
        var stats = await StatsAs("supervisor");

        // The running periods: not yet, and when they end (in the node's zone).
        await RpcAssert.FailsAsync(StatusCode.NotFound, stats.GetBulletinAsync(new GetBulletinRequest { Kind = ReportKind.Daily, Date = "2026-11-25", Format = ReportFormat.Html }),
            "daily bulletin of 2026-11-25 is not produced yet", "2026-11-26 00:00 (Asia/Shanghai)", "GetReport");
        await RpcAssert.FailsAsync(StatusCode.NotFound, stats.GetBulletinAsync(new GetBulletinRequest { Kind = ReportKind.Weekly, Date = "2026-11-24", Format = ReportFormat.Csv }),
            "weekly bulletin of 2026-11-23 to 2026-11-29 is not produced yet", "2026-11-30 00:00 (Asia/Shanghai)");
        await RpcAssert.FailsAsync(StatusCode.NotFound, stats.GetBulletinAsync(new GetBulletinRequest { Kind = ReportKind.Monthly, Date = "2027-06-15", Format = ReportFormat.Csv }),
            "monthly bulletin of 2027-06-01 to 2027-06-30 is not produced yet");

        // Ended before the first case: never produced.
        await RpcAssert.FailsAsync(StatusCode.NotFound, stats.GetBulletinAsync(new GetBulletinRequest { Kind = ReportKind.Daily, Date = "2026-11-23", Format = ReportFormat.Csv }),
            "daily bulletin of 2026-11-23 was not produced", "first case", "31 days");
        await RpcAssert.FailsAsync(StatusCode.NotFound, stats.GetBulletinAsync(new GetBulletinRequest { Kind = ReportKind.Monthly, Date = "2026-10-31", Format = ReportFormat.Html }),
            "monthly bulletin of 2026-10-01 to 2026-10-31 was not produced");

        // The one that was produced is there in either format.
        Assert.NotEmpty((await stats.GetBulletinAsync(new GetBulletinRequest { Kind = ReportKind.Daily, Date = "2026-11-24", Format = ReportFormat.Html })).Content);
    }

    [Fact]
    public async Task ListAndGetBulletin_BadInput_InvalidArgumentNamingTheField()
    {
        await ReportAcceptAssignAsync("first");
        ClockTo(MidnightOf(2026, 11, 25));
        await Producer.ProduceDueAsync(CancellationToken.None);
        var stats = await StatsAs("dispatcher");
        async Task GetFailsAsync(string field, GetBulletinRequest request) =>
            await RpcAssert.FailsAsync(field, StatusCode.InvalidArgument, () => stats.GetBulletinAsync(request).ResponseAsync, field);
        async Task ListFailsAsync(string field, ListBulletinsRequest request) =>
            await RpcAssert.FailsAsync(field, StatusCode.InvalidArgument, () => stats.ListBulletinsAsync(request).ResponseAsync, field);

        await GetFailsAsync("kind", new GetBulletinRequest { Date = "2026-11-24", Format = ReportFormat.Csv });
        await GetFailsAsync("kind", new GetBulletinRequest { Kind = (ReportKind)9, Date = "2026-11-24", Format = ReportFormat.Csv });
        await GetFailsAsync("date", new GetBulletinRequest { Kind = ReportKind.Daily, Format = ReportFormat.Csv });
        await GetFailsAsync("date", new GetBulletinRequest { Kind = ReportKind.Daily, Date = "2026-02-30", Format = ReportFormat.Csv });
        await GetFailsAsync("date", new GetBulletinRequest { Kind = ReportKind.Daily, Date = "2026-11-24T00:00", Format = ReportFormat.Csv });
        await GetFailsAsync("date", new GetBulletinRequest { Kind = ReportKind.Daily, Date = new string('9', 5000), Format = ReportFormat.Csv });
        await GetFailsAsync("date", new GetBulletinRequest { Kind = ReportKind.Monthly, Date = "9999-12-31", Format = ReportFormat.Csv });
        await GetFailsAsync("date", new GetBulletinRequest { Kind = ReportKind.Daily, Date = "0001-01-01", Format = ReportFormat.Csv });
        await GetFailsAsync("format", new GetBulletinRequest { Kind = ReportKind.Daily, Date = "2026-11-24" });
        await GetFailsAsync("format", new GetBulletinRequest { Kind = ReportKind.Daily, Date = "2026-11-24", Format = (ReportFormat)3 });

        await ListFailsAsync("kind", new ListBulletinsRequest { Kind = (ReportKind)9 });
        await ListFailsAsync("page_size", new ListBulletinsRequest { PageSize = -1 });
        await ListFailsAsync("page_size", new ListBulletinsRequest { PageSize = 201 });
        foreach (var token in new[] { "x", "2026-11-24", "2026-11-24.", "2026-13-01.5", "2026-11-24.-5", "2026-11-24.99999999999999999999", "2026-11-24.5.6", "." })
        {
            await ListFailsAsync("page_token", new ListBulletinsRequest { PageToken = token });
        }

        // Nothing was changed by any of it.
        Assert.Equal(1, await StoredCountAsync());
        Assert.Single((await stats.ListBulletinsAsync(new ListBulletinsRequest())).Bulletins);
    }

    [Theory]
    [InlineData("worker1")]
    [InlineData("sanitation")]
    public async Task ListAndGetBulletin_GridWorkerOrDepartmentHandler_PermissionDenied(string userName)
    {
        await ReportAcceptAssignAsync("first");
        ClockTo(MidnightOf(2026, 11, 25));
        await Producer.ProduceDueAsync(CancellationToken.None);

        var stats = await StatsAs(userName);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, stats.ListBulletinsAsync(new ListBulletinsRequest()));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, stats.GetBulletinAsync(new GetBulletinRequest { Kind = ReportKind.Daily, Date = "2026-11-24", Format = ReportFormat.Csv }));

        // Refused before anything is read: a bad field is not even looked at.
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, stats.ListBulletinsAsync(new ListBulletinsRequest { PageToken = "x" }));
        var anonymous = new StatsService.StatsServiceClient(Node.Channel);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, anonymous.ListBulletinsAsync(new ListBulletinsRequest()));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, anonymous.GetBulletinAsync(new GetBulletinRequest { Kind = ReportKind.Daily, Date = "2026-11-24", Format = ReportFormat.Csv }));
    }
}
