using System.Net;
using System.Net.Http.Headers;

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>The pages' first, server-rendered answer on the node's web port (what a browser shows before the circuit starts).</summary>
public sealed class PrerenderTests : DashboardTestBase
{
    [Fact]
    public async Task QueueCaseAndReportPages_RenderOnTheWebPort_WithTheirFiltersFromTheAddress()
    {
        var reported = (await (await Node.CasesAsAsync("worker1")).ReportCaseAsync(NewReport("prerender"))).Case;
        using var browser = new HttpClient { BaseAddress = Node.WebAddress };
        browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Node.LoginAsync("dispatcher"));

        var queue = await browser.GetStringAsync("/?view=new&whistle=Daily");
        Assert.Contains($"data-case=\"{reported.Number}\"", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("data-case=", await browser.GetStringAsync("/?status=Closed"), StringComparison.Ordinal);
        Assert.Contains("role=\"alert\">Invalid input: whistle", await browser.GetStringAsync("/?whistle=Loud"), StringComparison.Ordinal);

        var detail = await browser.GetStringAsync($"/cases/{reported.Id}");
        Assert.Contains("data-test=\"action-accept\"", detail, StringComparison.Ordinal);
        Assert.Contains(reported.Number, await browser.GetStringAsync($"/cases/by-number/{reported.Number}"), StringComparison.Ordinal);

        using var report = await browser.GetAsync("/report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("data-test=\"report-form\"", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
