using System.Net;
using System.Text.RegularExpressions;
using Bunit;
using Dispatch.Application.SignIn;
using Dispatch.Application.Stats;
using Dispatch.Application.Stats.Bulletins;
using Dispatch.Application.Stats.Reports;
using Dispatch.Contracts.V1;
using Dispatch.Node.Dashboard.Pages;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Domain = Dispatch.Domain;

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>
/// The evaluation page against a real node's cases (one closed on time and rated, one overdue): its figures are the
/// use case's; the bulletins it lists open and download through the web port's endpoints, for those allowed.
/// </summary>
public sealed partial class EvaluationPageTests() : ScenarioTestBase(StorageKind.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?>? NodeSettings { get; } = new Dictionary<string, string?>
    {
        ["Deadlines:Enabled"] = "true",
        ["Node:TokenLifetime"] = "60.00:00:00",
        ["Deadlines:SafetySweep"] = "00:00:00",
    };

    [Fact]
    public async Task Figures_MatchTheEvaluationUseCase_ForTheWeek()
    {
        await SeedAsync();

        await using var context = await BoardContext.SignedInAsync(Node, "supervisor");
        var page = context.Render<Evaluation>();
        await BoardContext.EventuallyAsync(() => Assert.NotEmpty(page.FindAll("[data-test=totals]")), Node);

        var caller = (await Node.Services.GetRequiredService<PasswordSignIn>().SignInAsync(new SignInCommand("supervisor", DemoDirectory.Password), CancellationToken.None)).Identity;
        var week = Node.Services.GetRequiredService<ReportCalendar>().Current(Domain.Evaluation.ReportKind.Weekly, Node.Clock.GetUtcNow());
        var queries = Node.Services.GetRequiredService<EvaluationQueries>();
        var departments = await queries.EvaluateAsync(caller, new EvaluationRequest(Domain.Evaluation.UnitKind.Department, null, week.From, week.To), CancellationToken.None);
        var grids = await queries.EvaluateAsync(caller, new EvaluationRequest(Domain.Evaluation.UnitKind.Grid, null, week.From, week.To), CancellationToken.None);
        var total = grids.Units.Aggregate(Domain.Evaluation.UnitTally.Empty, (sum, g) => sum.Add(g.Tally));
        var sanitation = departments.Units.Single(u => u.Name == "Sanitation team").Tally;

        Assert.Equal((2, 1, 1), (total.Reported, total.Closed, total.OverdueCount));
        Assert.Equal(total.Reported.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-test=total-reported]").TextContent);
        Assert.Equal(ReportColumns.Percent(total.OnTimeCloseRate), page.Find("[data-test=total-on-time]").TextContent);
        Assert.Equal("50.0%", page.Find("[data-test=total-on-time]").TextContent);
        Assert.Equal("1", page.Find("[data-test=total-overdue]").TextContent);
        Assert.Equal("4.00", page.Find("[data-test=total-satisfaction]").TextContent);
        Assert.Equal(ReportColumns.Percent(sanitation.OnTimeCloseRate), Cell(page, "on-time-departments", "Sanitation team"));
        Assert.Equal("4.00", Cell(page, "satisfaction", "Sanitation team"));
        Assert.Equal("1", Cell(page, "overdue-categories", Node.Services.GetRequiredService<Domain.Categories.CategoryCatalogue>().Find("0201")!.Name));
        Assert.Equal(8, page.FindAll("[data-test=trend] table.chart-data tbody tr").Count);

        // Each bar and the chart itself carry a title for screen readers.
        Assert.Contains("Sanitation team: 50.0%", page.Find("[data-test=on-time-departments] svg rect title").TextContent, StringComparison.Ordinal);
        Assert.Equal("img", page.Find("[data-test=on-time-departments] svg").GetAttribute("role"));
    }

    [Fact]
    public async Task GridWorker_RefusedInWords()
    {
        await using var context = await BoardContext.SignedInAsync(Node, "worker1");
        var page = context.Render<Evaluation>();
        await BoardContext.EventuallyAsync(() => Assert.Contains("Not allowed: Role GridWorker may not get evaluation", page.Find("[role=alert]").TextContent, StringComparison.Ordinal), Node);
        Assert.Empty(page.FindAll("[data-test=totals]"));
        Assert.Empty(page.FindAll("[data-test=bulletins]"));
    }

    [Fact]
    public async Task Bulletins_ListedNewestFirst_OpenInASandboxedFrame_DownloadAsCsv_OnlyForThoseAllowed()
    {
        await ClosedAsync("b-1");
        Node.Clock.Advance(TimeSpan.FromDays(2));
        var produced = await Node.Services.GetRequiredService<BulletinProducer>().ProduceDueAsync(CancellationToken.None);
        var newest = produced.Where(p => p.Kind == Domain.Evaluation.ReportKind.Daily).MaxBy(p => p.FirstDay)!;
        var csvPath = $"/bulletins/daily/{newest.FirstDay:yyyy-MM-dd}.csv";
        var htmlPath = $"/bulletins/daily/{newest.FirstDay:yyyy-MM-dd}.html";

        await using var context = await BoardContext.SignedInAsync(Node, "dispatcher");
        var page = context.Render<Evaluation>();
        await BoardContext.EventuallyAsync(() => Assert.NotEmpty(page.FindAll("[data-test=bulletins] tr[data-bulletin]")), Node);
        Assert.Equal(htmlPath, page.FindAll("[data-test=bulletins] tr[data-bulletin]")[0].GetAttribute("data-bulletin"));
        Assert.Equal(csvPath, page.FindAll("[data-test=bulletins] a[data-test=csv]")[0].GetAttribute("href"));
        page.FindAll("[data-test=open-bulletin]")[0].Click();
        var frame = page.Find("[data-test=bulletin-frame]");
        Assert.Equal(htmlPath, frame.GetAttribute("src"));
        Assert.Equal("", frame.GetAttribute("sandbox"));

        using var supervisor = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(supervisor, "supervisor")).StatusCode);
        using var csv = await supervisor.GetAsync(csvPath);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"dispatch-daily-{newest.FirstDay:yyyy-MM-dd}.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
        Assert.StartsWith("unit_kind,unit_id,unit_name,", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var html = await supervisor.GetAsync(htmlPath);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("sandbox", Assert.Single(html.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("<!DOCTYPE html>", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var missing = await supervisor.GetAsync("/bulletins/daily/2020-01-01.csv");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var badDate = await supervisor.GetAsync("/bulletins/daily/2026-13-45.csv");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);

        using var worker = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(worker, "worker1")).StatusCode);
        using var refused = await worker.GetAsync(csvPath);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Role GridWorker may not get bulletin", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var anonymous = Browser();
        using var api = await anonymous.GetAsync(csvPath);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, htmlPath);
        request.Headers.Accept.ParseAdd("text/html");
        using var redirected = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Equal("/signin", redirected.Headers.Location!.AbsolutePath);
    }

    /// <summary>Two cases of category 0201 assigned to sanitation: one closed on time and rated 4, one breached by the sweep.</summary>
    private async Task SeedAsync()
    {
        var closed = await ClosedAsync("e-1");
        await (await As("worker1")).RateCaseAsync(new RateCaseRequest { CaseId = closed.Id, ExpectedVersion = closed.Version, Satisfaction = 4 });
        var late = await InProgressAsync("e-2");
        Node.Clock.Advance(late.DueAt.ToDateTimeOffset() - Node.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        Node.SweepDeadlines();
        for (var attempt = 0; attempt < 1_500 && !(await ReadAsync(late.Id)).Overdue; attempt++)
        {
            await Task.Delay(20);
        }

        Assert.True((await ReadAsync(late.Id)).Overdue);
    }

    private static string Cell(IRenderedComponent<Evaluation> page, string chart, string label) =>
        page.FindAll($"[data-test={chart}] table.chart-data tbody tr").Single(r => r.QuerySelector("th")!.TextContent == label).QuerySelector("td")!.TextContent;

    private HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = Node.WebAddress };

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName)
    {
        var form = await browser.GetStringAsync("/signin");
        return await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value),
            ["returnUrl"] = "/evaluation",
            ["userName"] = userName,
            ["password"] = DemoDirectory.Password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
