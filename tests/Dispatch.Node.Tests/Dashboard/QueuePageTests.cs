using Bunit;
using Dispatch.Contracts.V1;
using Dispatch.Node.Dashboard.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Dashboard;

public sealed class QueuePageTests : DashboardTestBase
{
    private const string Grid2 = Seeding.DemoDirectory.AreaTownVillage + "002";

    [Fact]
    public async Task Queue_ListsRealCases_AndFiltersByStatusGridAndWhistle()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var dispatcher = await Node.CasesAsAsync("dispatcher");
        var daily = (await worker.ReportCaseAsync(NewReport("q-1"))).Case;
        Node.Clock.Advance(TimeSpan.FromSeconds(1));
        var accepted = (await worker.ReportCaseAsync(NewReport("q-2"))).Case;
        await dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version });
        Node.Clock.Advance(TimeSpan.FromSeconds(1));
        var emergency = NewReport("q-3", grid: Grid2);
        emergency.Whistle = WhistleClass.Emergency;
        var urgent = (await worker.ReportCaseAsync(emergency)).Case;

        var (context, _) = await SignInAsync("dispatcher");
        var queue = context.Render<Queue>();
        queue.WaitForAssertion(() => Assert.Equal([urgent.Number, accepted.Number, daily.Number], Rows(queue)), Patience);

        queue.Find("[data-test=filter-status]").Change("Accepted");
        queue.WaitForAssertion(() => Assert.Equal([accepted.Number], Rows(queue)), Patience);
        Assert.Contains("status=Accepted", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);

        queue.Find("[data-test=filter-status]").Change("");
        queue.Find("[data-test=filter-grid]").Change(Grid2);
        queue.WaitForAssertion(() => Assert.Equal([urgent.Number], Rows(queue)), Patience);

        queue.Find("[data-test=filter-grid]").Change("");
        queue.Find("[data-test=filter-whistle]").Change("Daily");
        queue.WaitForAssertion(() => Assert.Equal([accepted.Number, daily.Number], Rows(queue)), Patience);

        // A view is a set of statuses: "new" is what waits to be accepted.
        context.Services.GetRequiredService<NavigationManager>().NavigateTo("/?view=new");
        queue.WaitForAssertion(() => Assert.Equal([urgent.Number, daily.Number], Rows(queue)), Patience);
    }

    [Fact]
    public async Task Queue_ShowsACaseReportedOverGrpcAfterItRendered_MarkedFresh()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var first = (await worker.ReportCaseAsync(NewReport("live-1"))).Case;
        var (context, _) = await SignInAsync("dispatcher");
        var queue = context.Render<Queue>();
        queue.WaitForAssertion(() => Assert.Equal([first.Number], Rows(queue)), Patience);

        Node.Clock.Advance(TimeSpan.FromSeconds(1));
        var reported = (await worker.ReportCaseAsync(NewReport("live-2", title: "Broken street light"))).Case;

        queue.WaitForAssertion(() => Assert.Contains("fresh", queue.Find($"tr[data-case='{reported.Number}']").ClassList), Patience);
        Assert.Equal([reported.Number, first.Number], Rows(queue));
        Assert.DoesNotContain("fresh", queue.Find($"tr[data-case='{first.Number}']").ClassList);
    }

    [Fact]
    public async Task Queue_ForAGridWorker_ShowsOnlyTheirGrids()
    {
        var ownGrid = (await (await Node.CasesAsAsync("worker2")).ReportCaseAsync(NewReport("w2", grid: Grid3))).Case;
        await (await Node.CasesAsAsync("worker1")).ReportCaseAsync(NewReport("w1"));

        var (context, _) = await SignInAsync("worker2");
        var queue = context.Render<Queue>();

        queue.WaitForAssertion(() => Assert.Equal([ownGrid.Number], Rows(queue)), Patience);
        Assert.Equal(["", Grid3], queue.FindAll("[data-test=filter-grid] option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task Queue_PagesForwardAndBack_WithKeysetTokens()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var numbers = new List<string>();
        for (var i = 0; i < 53; i++)
        {
            numbers.Add((await worker.ReportCaseAsync(NewReport($"page-{i}"))).Case.Number);
            Node.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        numbers.Reverse();
        var (context, _) = await SignInAsync("dispatcher");
        var queue = context.Render<Queue>();
        queue.WaitForAssertion(() => Assert.Equal(numbers.Take(50), Rows(queue)), Patience);
        Assert.True(queue.Find("[data-test=previous]").HasAttribute("disabled"));

        queue.Find("[data-test=next]").Click();
        queue.WaitForAssertion(() => Assert.Equal(numbers.Skip(50), Rows(queue)), Patience);
        Assert.True(queue.Find("[data-test=next]").HasAttribute("disabled"));
        Assert.Contains("page=", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);

        queue.Find("[data-test=previous]").Click();
        queue.WaitForAssertion(() => Assert.Equal(numbers.Take(50), Rows(queue)), Patience);
    }

    [Fact]
    public async Task Queue_UnderChinese_ShowsTheChineseTexts()
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh");
        try
        {
            await (await Node.CasesAsAsync("worker1")).ReportCaseAsync(NewReport("zh"));
            var (context, _) = await SignInAsync("dispatcher");
            var queue = context.Render<Queue>();
            queue.WaitForAssertion(() => Assert.Single(queue.FindAll("tr[data-case]")), Patience);

            Assert.Equal("案件队列", queue.Find("h1").TextContent);
            Assert.Equal("待派遣", queue.Find("[data-test=view-unassigned]").TextContent);
            Assert.Equal("已上报", queue.Find("tr[data-case] td:nth-child(3)").TextContent);
            Assert.Equal("日常", queue.Find("tr[data-case] td:nth-child(7)").TextContent);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string[] Rows(IRenderedComponent<Queue> queue) =>
        [.. queue.FindAll("tr[data-case]").Select(row => row.GetAttribute("data-case")!)];
}
