using Bunit;
using Dispatch.Contracts.V1;
using Dispatch.Node.Dashboard.Pages;
using Dispatch.Node.Dashboard.Shared;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>The deadlines board on a real node with deadlines on, its clock moved by the test.</summary>
public sealed class DeadlinesPageTests() : NodeTestBase(StorageKind.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?>? NodeSettings { get; } = new Dictionary<string, string?>
    {
        ["Deadlines:Enabled"] = "true",
        ["Node:TokenLifetime"] = "60.00:00:00",
        ["Deadlines:SafetySweep"] = "00:00:00",
    };

    [Fact]
    public async Task EmergencyCase_CountsDown_TurnsOverdueAtItsDeadline_ListedOverdueAfterTheSweep_WithItsOrders()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var dispatcher = await Node.CasesAsAsync("dispatcher");
        var report = NewReport("board-due-1");
        report.Whistle = WhistleClass.Emergency;
        var reported = (await worker.ReportCaseAsync(report)).Case;
        var accepted = (await dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version })).Case;
        var assigned = (await dispatcher.AssignCaseAsync(new AssignCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version, Assignee = Sanitation })).Case;
        var due = assigned.DueAt.ToDateTimeOffset();
        var summons = await (await Node.SupervisionAsAsync("dispatcher")).SummonDepartmentsAsync(new SummonDepartmentsRequest
        {
            CaseId = assigned.Id,
            ExpectedVersion = assigned.Version,
            DepartmentIds = { DemoDirectory.SanitationId.ToString() },
            Reason = "Joint handling.",
        });
        var summonsDue = summons.Orders.Single().DueAt.ToDateTimeOffset();

        await using var context = await BoardContext.SignedInAsync(Node, "dispatcher");
        var page = context.Render<Dispatch.Node.Dashboard.Pages.Deadlines>();
        var atRisk = $"[data-test=at-risk] tr[data-case='{assigned.Number}']";
        string Left(DateTimeOffset deadline) => Countdown.Duration(deadline - Node.Clock.GetUtcNow()) + " left";

        await BoardContext.EventuallyAsync(() => Assert.Equal(Left(due), page.Find($"{atRisk} [data-test=countdown]").TextContent), Node);
        Assert.Equal("false", page.Find(atRisk).GetAttribute("data-overdue"));
        Assert.Empty(page.FindAll($"[data-test=overdue] tr[data-case='{assigned.Number}']"));
        var summonsRow = $"[data-test=summons] tr[data-case='{assigned.Number}']";
        Assert.Equal(Left(summonsDue), page.Find($"{summonsRow} [data-test=countdown]").TextContent);
        Assert.Contains("Sanitation team", page.Find(summonsRow).TextContent, StringComparison.Ordinal);

        // The countdown follows the node's clock.
        var before = page.Find($"{atRisk} [data-test=countdown]").TextContent;
        Node.Clock.Advance(TimeSpan.FromMinutes(61));
        await BoardContext.EventuallyAsync(() => Assert.Equal(Left(due), page.Find($"{atRisk} [data-test=countdown]").TextContent), Node);
        Assert.NotEqual(before, page.Find($"{atRisk} [data-test=countdown]").TextContent);

        // Past the deadline the row shows overdue at once, before any sweep has marked the case.
        Node.Clock.Advance(due - Node.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        await BoardContext.EventuallyAsync(() => Assert.Equal("true", page.Find(atRisk).GetAttribute("data-overdue")), Node);
        Assert.Equal("overdue by 00:01", page.Find($"{atRisk} [data-test=countdown]").TextContent);
        Assert.Equal("late", page.Find($"{atRisk} [data-test=countdown]").GetAttribute("data-state"));
        Assert.False((await dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = assigned.Id })).Case.Overdue);

        // The sweep marks it overdue and opens a supervision order: the page follows the feed.
        Node.SweepDeadlines();
        var overdueRow = $"[data-test=overdue] tr[data-case='{assigned.Number}']";
        await BoardContext.EventuallyAsync(
            () =>
            {
                Assert.Single(page.FindAll(overdueRow));
                Assert.Empty(page.FindAll(atRisk));

                // One order for the case's breach, one for the summons breached in the same sweep.
                Assert.Equal(2, page.FindAll($"[data-test=supervision] tr[data-case='{assigned.Number}'] [data-test=countdown]").Count);
            },
            Node,
            TimeSpan.FromMilliseconds(100));
        Assert.Equal("true", page.Find(overdueRow).GetAttribute("data-overdue"));
        Assert.StartsWith("overdue by ", page.Find($"{overdueRow} [data-test=countdown]").TextContent, StringComparison.Ordinal);
        Assert.Equal("1", page.Find("[data-test=overdue-count]").TextContent);
    }

    [Fact]
    public async Task GridWorker_SeesTheirCases_AndTheRefusalOfSupervisionOrdersInWords()
    {
        await using var context = await BoardContext.SignedInAsync(Node, "worker1");
        var page = context.Render<Dispatch.Node.Dashboard.Pages.Deadlines>();
        await BoardContext.EventuallyAsync(() => Assert.Contains("Not allowed: Role GridWorker may not list supervision orders", page.Markup, StringComparison.Ordinal), Node);
        Assert.Contains("No overdue cases.", page.Find("[data-test=overdue]").TextContent, StringComparison.Ordinal);
    }
}
