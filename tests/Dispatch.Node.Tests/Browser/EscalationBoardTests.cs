using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Dispatch.Testing.Browser;
using OpenQA.Selenium;

namespace Dispatch.Node.Tests.Browser;

/// <summary>
/// Escalation seen on both tiers' dashboards: a village case escalated to its town arrives on the town's open
/// escalations page, and the town's progress shows on the village's, without reloading either.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class EscalationBoardTests : IAsyncLifetime
{
    private ClusterTestHost _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClusterTestHost.StartAsync(StorageKind.Sqlite);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public Task EscalatedAtTheVillage_ArrivesOnTheTownsPage_AndItsProgressShowsAtTheVillage() =>
        BrowserTestBase.BrowseAsync($"{nameof(EscalationBoardTests)}.town", town => BrowserTestBase.BrowseAsync($"{nameof(EscalationBoardTests)}.village", async village =>
        {
            town.SignIn(_cluster.Town, "dispatcher", "/escalations");
            village.SignIn(_cluster.Village, "dispatcher", "/escalations");

            var villageDispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
            var reported = (await (await _cluster.Village.CasesAsAsync("worker1")).ReportCaseAsync(EscalationCases.Report("esc-browser"))).Case;
            await villageDispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Needs the town's equipment." });

            var arrived = WaitMovingClocks(town, $"[data-test='escalations-in'] tr[data-case]", row => row.FindElement(By.CssSelector("[data-test='origin-case']")).Text == reported.Number, "the escalation on the town's page");
            Assert.Equal("village", arrived.FindElement(By.CssSelector("[data-test='origin-node']")).Text);
            var sent = WaitMovingClocks(village, $"[data-test='escalations-out'] tr[data-case='{reported.Number}']", row => row.FindElement(By.CssSelector("[data-test='parent-case']")).Text == "Acknowledged", "the town's acknowledgement at the village");
            Assert.Equal("town", sent.FindElement(By.CssSelector("[data-test='parent-node']")).Text);

            // The town accepts and assigns: the village's page follows the town's status.
            var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
            var atTown = await EscalationCases.FindByOriginAsync(townDispatcher, reported.Id) ?? throw new InvalidOperationException("not at the town");
            atTown = (await townDispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = atTown.Id, ExpectedVersion = atTown.Version })).Case;
            await townDispatcher.AssignCaseAsync(new AssignCaseRequest { CaseId = atTown.Id, ExpectedVersion = atTown.Version, Assignee = new Assignee { Kind = AssigneeKind.Department, Id = DemoDirectory.SanitationId.ToString() } });
            WaitMovingClocks(village, $"[data-test='escalations-out'] tr[data-case='{reported.Number}']", row => row.FindElement(By.CssSelector("[data-test='parent-status']")).Text == "Assigned", "the town's assignment at the village");
            WaitMovingClocks(town, $"[data-test='escalations-in'] tr[data-case='{atTown.Number}']", row => row.FindElement(By.CssSelector("[data-test='status']")).Text == "Assigned", "the assignment on the town's own page");
        }));

    /// <summary>
    /// Waits for a row matching <paramref name="selector"/> and <paramref name="matches"/>; each poll moves every
    /// node's clock a little, so the outbox's and the subscription's retries come due (as ClusterTestHost.EventuallyAsync).
    /// </summary>
    private IWebElement WaitMovingClocks(Chromium browser, string selector, Func<IWebElement, bool> matches, string what) =>
        browser.WaitFor(driver =>
        {
            foreach (var node in new[] { _cluster.District, _cluster.Town, _cluster.Village })
            {
                node.Clock.Advance(TimeSpan.FromMilliseconds(500));
            }

            return driver.FindElements(By.CssSelector(selector)).FirstOrDefault(matches);
        }, what);
}
