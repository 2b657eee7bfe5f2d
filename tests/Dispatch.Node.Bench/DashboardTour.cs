using Dispatch.Contracts.V1;
using Dispatch.Testing.Browser;
using OpenQA.Selenium;

namespace Dispatch.Node.Bench;

/// <summary>
/// The README's screenshots of a dispatcher's day, taken on the local platform (scripts/run.sh): a grid worker reports
/// at village-a, its dispatcher accepts one case and escalates another to the town, and the pages are captured at the
/// village and the town (the report form on a phone). Loopback only; the platform's default ports.
/// </summary>
internal static class DashboardTour
{
    private const string Password = "dispatch-demo";

    private static readonly Uri VillageGrpc = new("http://127.0.0.1:5301");
    private static readonly Uri VillageWeb = new("http://127.0.0.1:5300");
    private static readonly Uri TownWeb = new("http://127.0.0.1:5200");

    public static async Task<int> RunAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var (accepted, escalated) = await SeedAsync();

        using (var browser = Chromium.Start("tour-desktop"))
        {
            browser.SignIn(VillageWeb, "dispatcher", Password);
            Capture(browser, VillageWeb, "/", "[data-case]", Path.Combine(folder, "1-queue.png"));
            Capture(browser, VillageWeb, $"/cases/{accepted}", "[data-test=actions]", Path.Combine(folder, "2-case.png"));
            Capture(browser, VillageWeb, "/deadlines", "[data-test=at-risk]", Path.Combine(folder, "4-deadlines.png"));
            Capture(browser, VillageWeb, "/map", "[data-test=point]", Path.Combine(folder, "5-map.png"));
            Capture(browser, VillageWeb, "/evaluation", "[data-test=trend]", Path.Combine(folder, "6-evaluation.png"));
            browser.SignOut();

            browser.SignIn(TownWeb, "dispatcher", Password);
            browser.Visit(TownWeb, "/escalations");
            browser.WaitFor(d => d.FindElements(By.CssSelector("[data-test=escalations-in] [data-case]")).Count > 0, "the escalation at the town");
            Save(browser, Path.Combine(folder, "3-escalations.png"));
            browser.SignOut();

            browser.SignIn(VillageWeb, "admin", Password);
            Capture(browser, VillageWeb, "/directory?tab=routing", "[data-test=routing-rules]", Path.Combine(folder, "7-routing-rules.png"));
        }

        using (var phone = Chromium.Start("tour-phone", BrowserSize.Phone375, "zh-CN,zh"))
        {
            phone.SignIn(VillageWeb, "worker1", Password);
            Capture(phone, VillageWeb, "/report", "[data-test=report-form]", Path.Combine(folder, "8-report-phone-zh.png"));
        }

        Console.WriteLine($"dashboard-tour: screenshots in {folder} (escalated case {escalated})");
        return 0;
    }

    /// <summary>Three reports by worker1; the dispatcher accepts the first and escalates the second.</summary>
    private static async Task<(string Accepted, string Escalated)> SeedAsync()
    {
        using var worker = await NodeSession.SignInAsync(VillageGrpc, "worker1", Password);
        using var dispatcher = await NodeSession.SignInAsync(VillageGrpc, "dispatcher", Password);
        var grid = worker.Login.GridIds[0];
        var run = Guid.NewGuid().ToString("N")[..8];
        (string Title, string Category, WhistleClass Whistle, double Lat, double Lon)[] reports =
        [
            ("Overflowing bins at the east gate", "0204", WhistleClass.Daily, 39.9042, 116.4074),
            ("Broken street light on Elm Road", "0104", WhistleClass.Tough, 39.9060, 116.4101),
            ("Water main leaking by the school", "0101", WhistleClass.Emergency, 39.9021, 116.4050),
        ];
        var cases = new List<Case>();
        foreach (var (title, category, whistle, lat, lon) in reports)
        {
            var reported = await worker.Cases.ReportCaseAsync(new ReportCaseRequest
            {
                RequestId = $"tour-{run}-{cases.Count}",
                Title = title,
                Description = "Seen on patrol this morning.",
                CategoryCode = category,
                GridId = grid,
                Location = new Location { Latitude = lat, Longitude = lon, Address = title },
                Whistle = whistle,
                HandlingMode = HandlingMode.Fast,
            }, worker.Call);
            cases.Add(reported.Case);
        }

        await dispatcher.Cases.AcceptCaseAsync(new AcceptCaseRequest { CaseId = cases[0].Id, ExpectedVersion = cases[0].Version }, dispatcher.Call);
        await dispatcher.Cases.EscalateCaseAsync(new EscalateCaseRequest { CaseId = cases[1].Id, ExpectedVersion = cases[1].Version, Reason = "Needs the town's lighting contractor." }, dispatcher.Call);
        return (cases[0].Id, cases[1].Id);
    }

    private static void Capture(Chromium browser, Uri site, string path, string ready, string file)
    {
        browser.Visit(site, path);
        browser.WaitForElement(By.CssSelector(ready), ready);
        Save(browser, file);
    }

    private static void Save(Chromium browser, string file) =>
        ((ITakesScreenshot)browser.Driver).GetScreenshot().SaveAsFile(file);
}
