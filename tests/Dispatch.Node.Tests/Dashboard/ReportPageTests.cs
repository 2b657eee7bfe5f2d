using Bunit;
using Dispatch.Contracts.V1;
using Bunit.TestDoubles;
using Dispatch.Node.Dashboard.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Dashboard;

public sealed class ReportPageTests : DashboardTestBase
{
    private static readonly string Hash = "sha256:" + new string('a', 64);

    [Fact]
    public async Task Report_CreatesTheCase_AndASecondSubmitOfTheSameFormCreatesNoOther()
    {
        var (context, _) = await SignInAsync("worker1");
        var page = context.Render<Report>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-test=grid] option").Count), Patience);

        page.Find("[data-test=title]").Change("Fallen tree on the path");
        page.Find("[data-test=description]").Change("Blocks the path behind building 4.");
        page.Find("[data-test=category]").Change("0201");
        page.Find("[data-test=grid]").Change(Grid1);
        page.Find("[data-test=latitude]").Change("39.91");
        page.Find("[data-test=longitude]").Change("116.41");
        page.Find("[data-test=whistle]").Change("Tough");
        page.Find("[data-test=evidence]").Change($"https://photos.example/tree.jpg\n {Hash}\n");
        page.Find("[data-test=report-form]").Submit();

        var navigation = context.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Contains("/cases/", navigation.Uri, StringComparison.Ordinal), Patience);
        var first = navigation.Uri;

        // The same form again (a double tap, a retry): its request id finds the case the first submit created.
        page.Find("[data-test=report-form]").Submit();
        var history = context.Services.GetRequiredService<BunitNavigationManager>().History;
        page.WaitForState(() => history.Count == 2, Patience);
        Assert.Equal(first, navigation.Uri);
        Assert.Empty(page.FindAll("[role=alert]"));

        var cases = (await (await Node.CasesAsAsync("dispatcher")).ListCasesAsync(new ListCasesRequest())).Cases;
        var created = Assert.Single(cases);
        Assert.EndsWith($"/cases/{created.Id}", first, StringComparison.Ordinal);
        Assert.Equal("Fallen tree on the path", created.Title);
        Assert.Equal(Grid1, created.GridId);
        Assert.Equal(Contracts.V1.WhistleClass.Tough, created.Whistle);
        Assert.Equal(["https://photos.example/tree.jpg", Hash], created.EvidenceRefs);
    }

    [Fact]
    public async Task Report_WithoutACategory_ShowsTheUseCasesMessage()
    {
        var (context, _) = await SignInAsync("worker1");
        var page = context.Render<Report>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-test=grid] option").Count), Patience);
        page.Find("[data-test=title]").Change("No category");
        page.Find("[data-test=grid]").Change(Grid1);
        page.Find("[data-test=latitude]").Change("39.91");
        page.Find("[data-test=longitude]").Change("116.41");
        page.Find("[data-test=report-form]").Submit();

        page.WaitForAssertion(() => Assert.StartsWith("Invalid input: category_code", page.Find("[role=alert]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Empty((await (await Node.CasesAsAsync("dispatcher")).ListCasesAsync(new ListCasesRequest())).Cases);
    }
}
