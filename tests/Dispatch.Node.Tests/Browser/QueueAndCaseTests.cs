using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Testing.Browser;
using OpenQA.Selenium;

namespace Dispatch.Node.Tests.Browser;

/// <summary>
/// The live queue and a case's closed loop in the browser: a case reported over gRPC shows on an open queue, the
/// dispatcher accepts and assigns it on its page, the department starts and resolves it, the reporting grid worker
/// verifies it on a phone; each step visible in the page.
/// </summary>
public sealed class QueueAndCaseTests : BrowserTestBase
{
    [Fact]
    public Task ReportedOverGrpc_ShowsOnTheOpenQueue_WithoutReload() => BrowseAsync(async browser =>
    {
        browser.SignIn(Node, "dispatcher");
        browser.Script<object?>("window.__sameDocument = true");

        var reported = await ReportedAsync();

        var row = browser.WaitForRow(reported.Number);
        Assert.Contains(reported.Title, row.Text, StringComparison.Ordinal);
        Assert.Equal(nameof(Domain.Cases.CaseStatus.Reported), row.GetAttribute("data-status"));
        Assert.True(browser.Script<bool>("return window.__sameDocument === true"), "the page was loaded again");

        // A change elsewhere shows in the row too.
        await (await As("dispatcher")).AcceptCaseAsync(new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version });
        browser.WaitFor(_ => browser.WaitForRow(reported.Number).GetAttribute("data-status") == nameof(Domain.Cases.CaseStatus.Accepted), "the row accepted");
    });

    [Fact]
    public async Task ClosedLoop_AssignedOnThePage_HandledByTheDepartment_VerifiedOnAPhone()
    {
        var reported = await ReportedAsync();
        var page = $"/cases/{reported.Id}";

        await BrowseAsync(TestName(nameof(ClosedLoop_AssignedOnThePage_HandledByTheDepartment_VerifiedOnAPhone), "dispatcher"), browser =>
        {
            browser.SignIn(Node, "dispatcher", page);
            browser.WaitForStatus("Reported");
            browser.Act("accept");
            browser.WaitForStatus("Accepted");
            browser.Act("assign");
            browser.WaitForElement(By.CssSelector($"[data-test='assign-to'] option[value='dept:{DemoDirectory.SanitationId}']"), "sanitation in the assignee list").Click();
            browser.Confirm();
            browser.WaitForStatus("Assigned");
            Assert.Equal("Sanitation team", browser.Find(By.CssSelector("[data-test='assignee']")).Text);
            Assert.Equal(["CaseReported", "CaseAccepted", "CaseAssigned"], browser.Timeline());
            return Task.CompletedTask;
        });

        await BrowseAsync(TestName(nameof(ClosedLoop_AssignedOnThePage_HandledByTheDepartment_VerifiedOnAPhone), "sanitation"), browser =>
        {
            browser.SignIn(Node, "sanitation", page);
            browser.Act("start");
            browser.WaitForStatus("InProgress");
            browser.Act("resolve");
            browser.WaitForElement(By.CssSelector("[data-test='note']"), "the note").SendKeys("Bins emptied, area washed.");
            browser.Confirm();
            browser.WaitForStatus("Resolved");
            Assert.Contains("Bins emptied, area washed.", browser.Find(By.CssSelector("[data-test='timeline']")).Text, StringComparison.Ordinal);
            return Task.CompletedTask;
        });

        await BrowseAsync(TestName(nameof(ClosedLoop_AssignedOnThePage_HandledByTheDepartment_VerifiedOnAPhone), "worker1"), browser =>
        {
            browser.SignIn(Node, "worker1", page);
            browser.Act("verify-pass");
            browser.WaitForStatus("Closed");
            Assert.Equal("CaseVerified", browser.Timeline()[^1]);
            Assert.True(browser.Script<long>("return document.documentElement.scrollWidth") <= BrowserSize.Phone375.Width, "the case page scrolls sideways");
            return Task.CompletedTask;
        }, BrowserSize.Phone375);

        Assert.Equal(CaseStatus.Closed, (await ReadAsync(reported.Id)).Status);
    }

    [Fact]
    public Task Resolve_AfterTheCaseChangedElsewhere_ShowsTheRefusalAndChangesNothing() => BrowseAsync(async browser =>
    {
        var started = await InProgressAsync();
        browser.SignIn(Node, "sanitation", $"/cases/{started.Id}");
        browser.Act("resolve");
        browser.WaitForElement(By.CssSelector("[data-test='note']"), "the note").SendKeys("Done from the page.");

        // Meanwhile the same department resolves it through the API.
        var resolved = (await (await As("sanitation")).ResolveCaseAsync(new ResolveCaseRequest { CaseId = started.Id, ExpectedVersion = started.Version, Note = "Done from the app." })).Case;
        browser.Confirm();

        Assert.StartsWith("Changed by someone else; reload:", browser.WaitForRefusal(), StringComparison.Ordinal);
        browser.WaitForElement(By.CssSelector("[data-test='stale']"), "the reload notice");
        var now = await ReadAsync(started.Id);
        Assert.Equal(resolved.Version, now.Version);
        Assert.Equal("Done from the app.", now.History[^1].Note);

        browser.Find(By.CssSelector("[data-test='reload']")).Click();
        browser.WaitForStatus("Resolved");
    });

    [Fact]
    public Task Verify_OfferedToTheReporter_NotToTheHandler() => BrowseAsync(async browser =>
    {
        var resolved = await ResolvedAsync();
        browser.SignIn(Node, "worker1", $"/cases/{resolved.Id}");
        browser.WaitForElement(By.CssSelector("[data-test='action-verify-pass']"), "the reporter's verify button");

        browser.SignOut();
        browser.WaitForPath("/signin");
        browser.SignIn(Node, "sanitation", $"/cases/{resolved.Id}");
        browser.WaitForStatus("Resolved");
        Assert.Empty(browser.FindAll(By.CssSelector("[data-test^='action-verify']")));
        await Task.CompletedTask;
    });

    [Fact]
    public Task Countdown_ReachesZeroOnTheFakeClock_AndTheCaseTurnsOverdue() => BrowseAsync(async browser =>
    {
        var request = NewReport("r-emergency");
        request.Whistle = WhistleClass.Emergency;
        var reported = (await (await As("worker1")).ReportCaseAsync(request)).Case;
        browser.SignIn(Node, "dispatcher", $"/cases/{reported.Id}");
        var countdown = By.CssSelector("[data-test='deadline'] [data-test='countdown']");
        Assert.Equal("false", browser.WaitForElement(countdown, "the countdown").GetAttribute("data-overdue"));

        // Jump, not Advance: the page's countdown re-arms its timer from the renderer's thread, which a synchronous
        // Advance through two hours of the node's timers can outrun, leaving the text of a moment in between.
        Node.Clock.Jump(reported.DueAt.ToDateTimeOffset() - Node.Clock.GetUtcNow() - TimeSpan.FromSeconds(5));
        browser.WaitFor(driver => driver.FindElement(countdown).Text.Contains("00:05 left", StringComparison.Ordinal), "five seconds left");

        Node.Clock.Jump(TimeSpan.FromSeconds(6));
        browser.WaitFor(driver => driver.FindElement(countdown).GetAttribute("data-overdue") == "true", "the countdown past zero");
        Assert.StartsWith("overdue by", browser.Find(countdown).Text, StringComparison.Ordinal);

        Node.SweepDeadlines();
        browser.WaitFor(_ => browser.Timeline().Contains("CaseMarkedOverdue"), "the case marked overdue in its timeline");
        Assert.True((await ReadAsync(reported.Id)).Overdue);
    });

    [Fact]
    public Task ChineseBrowser_CasePageAndQueueWithData_InChinese() => BrowseAsync(async browser =>
    {
        var reported = await ReportedAsync();
        browser.SignIn(Node, "dispatcher", $"/cases/{reported.Id}");

        Assert.Equal("已上报", browser.Find(By.CssSelector("[data-test='status']")).Text);
        Assert.Equal("受理", browser.Find(By.CssSelector("[data-test='action-accept']")).Text);
        Assert.Contains("处置过程", browser.Find(By.CssSelector("[data-test='timeline'] h2")).Text, StringComparison.Ordinal);

        browser.Visit(Node, "/");
        Assert.Equal("案件队列", browser.Find(By.TagName("h1")).Text);
        Assert.Contains("已上报", browser.WaitForRow(reported.Number).Text, StringComparison.Ordinal);
        Assert.Equal("全部在办", browser.Find(By.CssSelector("[data-test='view-open']")).Text);
    }, languages: "zh-CN,zh");

    protected override IReadOnlyDictionary<string, string?>? NodeSettings { get; } = new Dictionary<string, string?>
    {
        // The countdown test sweeps deadlines; the other tests move no clock past one.
        ["Deadlines:Enabled"] = "true",
    };
}
