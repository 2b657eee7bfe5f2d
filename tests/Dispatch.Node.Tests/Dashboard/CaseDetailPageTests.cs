using Bunit;
using Dispatch.Contracts.V1;
using Dispatch.Node.Dashboard.Pages;
using Dispatch.Node.Seeding;

namespace Dispatch.Node.Tests.Dashboard;

public sealed class CaseDetailPageTests : DashboardTestBase
{
    [Fact]
    public async Task Actions_AreExactlyThoseTheRoleMayTakeInTheCasesState()
    {
        var reported = (await (await Node.CasesAsAsync("worker1")).ReportCaseAsync(NewReport("roles-1"))).Case;
        var assigned = await ReportAcceptAssignAsync("roles-2");

        Assert.Equal(["accept", "reject", "merge", "summon"], await ActionsAsync("dispatcher", reported.Id));
        Assert.Empty(await ActionsAsync("worker1", reported.Id));
        Assert.Equal(["assign", "start", "defer", "merge", "summon"], await ActionsAsync("dispatcher", assigned.Id));
        Assert.Equal(["start"], await ActionsAsync("sanitation", assigned.Id));
        Assert.Empty(await ActionsAsync("worker1", assigned.Id));
    }

    [Fact]
    public async Task AcceptAndAssign_ThroughThePage_ChangeTheCaseInTheDatabase()
    {
        var dispatcher = await Node.CasesAsAsync("dispatcher");
        var reported = (await (await Node.CasesAsAsync("worker1")).ReportCaseAsync(NewReport("page-assign"))).Case;
        var (context, _) = await SignInAsync("dispatcher");
        var page = context.Render<CaseDetail>(p => p.Add(c => c.Id, Guid.Parse(reported.Id)));
        page.WaitForAssertion(() => page.Find("[data-test=action-accept]"), Patience);

        page.Find("[data-test=action-accept]").Click();
        page.WaitForAssertion(() => Assert.Equal("Accepted", page.Find("[data-test=status]").GetAttribute("data-status")), Patience);
        Assert.Equal(Contracts.V1.CaseStatus.Accepted, (await dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = reported.Id })).Case.Status);

        // The click's form opens once the renderer is free: the live feed may be re-rendering the accepted case.
        page.Find("[data-test=action-assign]").Click();
        page.WaitForAssertion(() => page.Find("[data-test=assign-to]"), Patience);
        page.Find("[data-test=assign-to]").Change($"dept:{DemoDirectory.SanitationId}");
        page.Find("[data-test=action-form]").Submit();
        page.WaitForAssertion(() => Assert.Equal("Assigned", page.Find("[data-test=status]").GetAttribute("data-status")), Patience);

        var stored = (await dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = reported.Id })).Case;
        Assert.Equal(Contracts.V1.CaseStatus.Assigned, stored.Status);
        Assert.Equal(DemoDirectory.SanitationId.ToString(), stored.Assignee.Id);
        Assert.Equal("Sanitation team", page.Find("[data-test=assignee]").TextContent);
        Assert.Equal(stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-test=version]").TextContent);
    }

    [Fact]
    public async Task ARefusedAction_ShowsTheApisMessage_AndChangesNothing()
    {
        var reported = (await (await Node.CasesAsAsync("worker1")).ReportCaseAsync(NewReport("refused"))).Case;
        var (context, _) = await SignInAsync("dispatcher");
        var page = context.Render<CaseDetail>(p => p.Add(c => c.Id, Guid.Parse(reported.Id)));
        page.WaitForAssertion(() => page.Find("[data-test=action-reject]"), Patience);

        page.Find("[data-test=action-reject]").Click();
        page.WaitForAssertion(() => page.Find("[data-test=action-form]"), Patience);
        page.Find("[data-test=action-form]").Submit();

        page.WaitForAssertion(() => Assert.StartsWith("Invalid input: reason", page.Find("[role=alert]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("Reported", page.Find("[data-test=status]").GetAttribute("data-status"));
        Assert.Equal(reported.Version, (await (await Node.CasesAsAsync("dispatcher")).GetCaseAsync(new GetCaseRequest { CaseId = reported.Id })).Case.Version);
    }

    [Fact]
    public async Task ACaseOutsideTheCallersScope_ShowsNotAllowed()
    {
        var assigned = await ReportAcceptAssignAsync("scope");
        var (context, _) = await SignInAsync("safety");
        var page = context.Render<CaseDetail>(p => p.Add(c => c.Id, Guid.Parse(assigned.Id)));

        page.WaitForAssertion(() => Assert.StartsWith("Not allowed: ", page.Find("[role=alert]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Empty(page.FindAll("[data-test=actions]"));
    }

    [Fact]
    public async Task AStaleVersion_ShowsTheAbortedMessage_AndOffersReload()
    {
        var reported = (await (await Node.CasesAsAsync("worker1")).ReportCaseAsync(NewReport("stale"))).Case;
        var (context, _) = await SignInAsync("dispatcher");
        var page = context.Render<CaseDetail>(p => p.Add(c => c.Id, Guid.Parse(reported.Id)));
        page.WaitForAssertion(() => page.Find("[data-test=action-reject]"), Patience);
        page.Find("[data-test=action-reject]").Click();
        // The click waits its turn when the page's live feed holds the renderer: wait for the form it opens.
        page.WaitForAssertion(() => page.Find("[data-test=note]"), Patience);
        page.Find("[data-test=note]").Change("Not for this platform.");

        // Someone else accepts the case while the form is open: the page says so and keeps the form (and the version
        // shown) rather than reloading under the dispatcher's typing. Submitting anyway is refused as stale.
        await (await Node.CasesAsAsync("dispatcher")).AcceptCaseAsync(new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version });
        page.WaitForAssertion(() => Assert.Equal("This case was changed elsewhere.", page.Find("[data-test=stale]").FirstChild?.TextContent.Trim()), Patience);
        page.Find("[data-test=action-form]").Submit();

        page.WaitForAssertion(() => Assert.StartsWith("Changed by someone else; reload: ", page.Find("[role=alert]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("Reported", page.Find("[data-test=status]").GetAttribute("data-status"));
        page.Find("[data-test=reload]").Click();
        page.WaitForAssertion(() => Assert.Equal("Accepted", page.Find("[data-test=status]").GetAttribute("data-status")), Patience);
    }

    [Fact]
    public async Task AChangeMadeElsewhere_ShowsWithoutReload()
    {
        var reported = (await (await Node.CasesAsAsync("worker1")).ReportCaseAsync(NewReport("elsewhere"))).Case;
        var (context, _) = await SignInAsync("dispatcher");
        var page = context.Render<CaseDetail>(p => p.Add(c => c.Id, Guid.Parse(reported.Id)));
        page.WaitForAssertion(() => page.Find("[data-test=action-accept]"), Patience);

        await (await Node.CasesAsAsync("dispatcher")).AcceptCaseAsync(new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version });

        page.WaitForAssertion(() => Assert.Equal("Accepted", page.Find("[data-test=status]").GetAttribute("data-status")), Patience);
        Assert.NotNull(page.Find("[data-test=action-assign]"));
    }

    [Fact]
    public async Task AGridWorker_VerifiesTheCaseTheyReported()
    {
        var sanitation = await Node.CasesAsAsync("sanitation");
        var assigned = await ReportAcceptAssignAsync("verify");
        var started = (await sanitation.StartCaseAsync(new StartCaseRequest { CaseId = assigned.Id, ExpectedVersion = assigned.Version })).Case;
        await sanitation.ResolveCaseAsync(new ResolveCaseRequest { CaseId = started.Id, ExpectedVersion = started.Version, Note = "Bins emptied." });

        Assert.Equal(["verify-pass", "verify-fail"], await ActionsAsync("worker1", assigned.Id));
        var (context, _) = await SignInAsync("worker1");
        var page = context.Render<CaseDetail>(p => p.Add(c => c.Id, Guid.Parse(assigned.Id)));
        page.WaitForAssertion(() => page.Find("[data-test=action-verify-pass]"), Patience);
        page.Find("[data-test=action-verify-pass]").Click();

        page.WaitForAssertion(() => Assert.Equal("Closed", page.Find("[data-test=status]").GetAttribute("data-status")), Patience);
        Assert.Equal(Contracts.V1.CaseStatus.Closed, (await sanitation.GetCaseAsync(new GetCaseRequest { CaseId = assigned.Id })).Case.Status);
    }

    [Fact]
    public async Task ByNumber_OpensTheCase_WithItsTimelineAndEvidence()
    {
        var assigned = await ReportAcceptAssignAsync("by-number");
        var (context, _) = await SignInAsync("dispatcher");
        var page = context.Render<CaseDetail>(p => p.Add(c => c.Number, assigned.Number.ToLowerInvariant()));

        page.WaitForAssertion(() => Assert.Equal(assigned.Number, page.Find("[data-test=case-number]").TextContent), Patience);
        Assert.Equal(["CaseReported", "CaseAccepted", "CaseAssigned"], page.FindAll("[data-test=timeline] li").Select(li => li.GetAttribute("data-event")!).Where(e => e != "CaseRescheduled"));
        Assert.Equal("https://photos.example/1.jpg", page.Find("[data-test=evidence] a").GetAttribute("href"));
    }

    /// <summary>The action buttons the case's page shows the user, by their test names.</summary>
    private async Task<string[]> ActionsAsync(string userName, string caseId)
    {
        var (context, _) = await SignInAsync(userName);
        var page = context.Render<CaseDetail>(p => p.Add(c => c.Id, Guid.Parse(caseId)));
        page.WaitForAssertion(() => page.Find("[data-test=actions]"), Patience);
        return [.. page.FindAll("[data-test=actions] .buttons button").Select(b => b.GetAttribute("data-test")!["action-".Length..])];
    }
}
