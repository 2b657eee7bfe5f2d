using Bunit;
using Dispatch.Node.Dashboard.Pages;

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>The case page's countdown on a node with deadlines, moved by the node's fake clock.</summary>
public sealed class CaseCountdownTests : DashboardTestBase
{
    protected override IReadOnlyDictionary<string, string?>? NodeSettings { get; } = new Dictionary<string, string?>
    {
        ["Deadlines:Enabled"] = "true",
        ["Deadlines:SafetySweep"] = "00:00:00",
        ["Node:TokenLifetime"] = "60.00:00:00",
    };

    [Fact]
    public async Task Countdown_ShowsTheTimeLeft_AndTurnsOverdueWhenTheClockPassesTheDeadline()
    {
        var reported = (await (await Node.CasesAsAsync("worker1")).ReportCaseAsync(NewReport("countdown"))).Case;
        var due = reported.DueAt.ToDateTimeOffset();
        var (context, _) = await SignInAsync("dispatcher");
        var page = context.Render<CaseDetail>(p => p.Add(c => c.Id, Guid.Parse(reported.Id)));
        page.WaitForAssertion(() => page.Find("[data-test=countdown]"), Patience);

        Node.Clock.Jump(due - TimeSpan.FromMinutes(90) - Node.Clock.GetUtcNow());
        page.WaitForAssertion(() => Assert.Equal("1 h 30 min left", page.Find("[data-test=countdown]").TextContent), Patience);
        Assert.Equal("false", page.Find("[data-test=countdown]").GetAttribute("data-overdue"));

        Node.Clock.Jump(TimeSpan.FromMinutes(91));
        page.WaitForAssertion(() => Assert.Equal("overdue by 01:00", page.Find("[data-test=countdown]").TextContent), Patience);
        Assert.Equal("true", page.Find("[data-test=countdown]").GetAttribute("data-overdue"));
        Assert.Contains("late", page.Find("[data-test=countdown]").ClassList);
    }
}
