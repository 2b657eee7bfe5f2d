using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Cli;

/// <summary>The closed loop worked through the tool by each role, checked in its output and in the node's state.</summary>
public sealed class CliLoopTests(SqliteNodeFixture fixture) : IClassFixture<SqliteNodeFixture>
{
    private static readonly string Sanitation = DemoDirectory.SanitationId.ToString();

    [Fact]
    public async Task ClosedLoop_EveryStepThroughTheTool_NodeStateFollows()
    {
        using var worker = new CliUser();
        using var dispatcher = new CliUser();
        using var handler = new CliUser();
        await worker.LoginAsync(fixture.Node, "worker1");
        await dispatcher.LoginAsync(fixture.Node, "dispatcher");
        await handler.LoginAsync(fixture.Node, "sanitation");

        var reported = await worker.RunAsync(CliCases.Report("Loop bins", "cli-loop", "--photo", "https://photos.example/bins.jpg"));
        reported.AssertOk();
        Assert.Contains("reported:", reported.Out, StringComparison.Ordinal);
        var number = CliCases.Number(reported);

        (await dispatcher.RunAsync("accept", number, "--note", "ours")).AssertOk();
        var assigned = await dispatcher.RunAsync("assign", number, "--department", Sanitation);
        assigned.AssertOk();
        Assert.Contains("Assigned", assigned.Out, StringComparison.Ordinal);
        (await handler.RunAsync("start", number)).AssertOk();
        (await handler.RunAsync("resolve", number, "--note", "Bins emptied", "--evidence", "https://photos.example/after.jpg")).AssertOk();
        var verified = await worker.RunAsync("verify", number, "--note", "Checked on site");
        verified.AssertOk();
        Assert.Contains($"{number}  Closed", verified.Out, StringComparison.Ordinal);
        (await worker.RunAsync("rate", number, "--score", "5", "--comment", "quick")).AssertOk();

        var atNode = await FindAsync(number);
        Assert.Equal(CaseStatus.Closed, atNode.Status);
        Assert.Equal(5, atNode.Satisfaction);
        Assert.Contains("https://photos.example/bins.jpg", atNode.EvidenceRefs);
        Assert.Equal(AssigneeKind.Department, atNode.Assignee.Kind);

        var reopened = await dispatcher.RunAsync("reopen", number, "--reason", "Bins overflow again");
        reopened.AssertOk();
        Assert.NotEqual(CaseStatus.Closed, (await FindAsync(number)).Status);
    }

    [Fact]
    public async Task Report_Fixed_CaseStartsResolvedOnTheSpot()
    {
        using var worker = new CliUser();
        await worker.LoginAsync(fixture.Node, "worker1");

        var result = await worker.RunAsync(CliCases.Report("Fixed on the spot", "cli-fixed", "--fixed"));

        result.AssertOk();
        var atNode = await FindAsync(CliCases.Number(result));
        Assert.Equal(CaseStatus.Resolved, atNode.Status);
        Assert.Equal(HandlingMode.Immediate, atNode.HandlingMode);
    }

    [Fact]
    public async Task Report_SameRequestIdAgain_SaysItWasAlreadyReported()
    {
        using var worker = new CliUser();
        await worker.LoginAsync(fixture.Node, "worker1");
        var first = await worker.RunAsync(CliCases.Report("Retry me", "cli-retry"));

        var again = await worker.RunAsync(CliCases.Report("Retry me", "cli-retry"));

        again.AssertOk();
        Assert.Contains("already reported with this --request-id", again.Out, StringComparison.Ordinal);
        Assert.Equal(CliCases.Number(first), CliCases.Number(again));
    }

    [Fact]
    public async Task RejectDeferResumeMerge_ThroughTheTool_NodeStateFollows()
    {
        using var worker = new CliUser();
        using var dispatcher = new CliUser();
        await worker.LoginAsync(fixture.Node, "worker1");
        await dispatcher.LoginAsync(fixture.Node, "dispatcher");
        var toReject = await CliCases.ReportAsync(worker, "Not ours", "cli-reject");
        var toDefer = await CliCases.ReportAsync(worker, "Wait for parts", "cli-defer");
        var original = await CliCases.ReportAsync(worker, "Broken lamp", "cli-original");
        var duplicate = await CliCases.ReportAsync(worker, "Broken lamp again", "cli-duplicate");

        (await dispatcher.RunAsync("reject", toReject, "--reason", "private property")).AssertOk();
        (await dispatcher.RunAsync("accept", toDefer)).AssertOk();
        var until = fixture.Node.Clock.GetUtcNow().AddDays(3).ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        var deferred = await dispatcher.RunAsync("defer", toDefer, "--until", until, "--reason", "parts on order");
        deferred.AssertOk();
        Assert.Equal(CaseStatus.Deferred, (await FindAsync(toDefer)).Status);
        (await dispatcher.RunAsync("resume", toDefer, "--note", "parts came")).AssertOk();
        var merged = await dispatcher.RunAsync("merge", duplicate, "--into", original);
        merged.AssertOk();

        Assert.Equal(CaseStatus.Rejected, (await FindAsync(toReject)).Status);
        Assert.NotEqual(CaseStatus.Deferred, (await FindAsync(toDefer)).Status);
        var mergedAtNode = await FindAsync(duplicate);
        Assert.Equal(CaseStatus.Merged, mergedAtNode.Status);
        Assert.Equal((await FindAsync(original)).Id, mergedAtNode.MergedIntoCaseId);
    }

    [Fact]
    public async Task Show_Case_FactsAndTimelineInLocalTime()
    {
        using var worker = new CliUser();
        await worker.LoginAsync(fixture.Node, "worker1");
        var number = await CliCases.ReportAsync(worker, "Show me", "cli-show");

        var shown = await worker.RunAsync("show", number);

        shown.AssertOk();
        Assert.StartsWith($"{number}  Show me", shown.Out, StringComparison.Ordinal);
        Assert.Contains("Timeline:", shown.Out, StringComparison.Ordinal);
        Assert.Contains("CaseReported", shown.Out, StringComparison.Ordinal);

        // The node's clock stands at 08:00 UTC: the tool shows it in the user's zone, with the offset.
        Assert.Contains("2026-11-24 16:00 +08:00", shown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mine_GridWorkerAndHandler_WhatConcernsThem()
    {
        using var worker = new CliUser();
        using var other = new CliUser();
        using var dispatcher = new CliUser();
        using var handler = new CliUser();
        await worker.LoginAsync(fixture.Node, "worker1");
        await other.LoginAsync(fixture.Node, "worker2");
        await dispatcher.LoginAsync(fixture.Node, "dispatcher");
        await handler.LoginAsync(fixture.Node, "safety");
        var mine = await CliCases.ReportAsync(worker, "Mine only", "cli-mine");
        (await dispatcher.RunAsync("accept", mine)).AssertOk();
        (await dispatcher.RunAsync("assign", mine, "--department", DemoDirectory.SafetyId.ToString())).AssertOk();

        var workerMine = await worker.RunAsync("mine", "--all");
        var handlerMine = await handler.RunAsync("mine", "--open", "--all");
        var otherMine = await other.RunAsync("mine", "--all");

        workerMine.AssertOk();
        Assert.Contains(mine, workerMine.Out, StringComparison.Ordinal);
        handlerMine.AssertOk();
        Assert.Contains(mine, handlerMine.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(mine, otherMine.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_Dispatcher_ReportedAndUnassignedOnly()
    {
        using var worker = new CliUser();
        using var dispatcher = new CliUser();
        await worker.LoginAsync(fixture.Node, "worker1");
        await dispatcher.LoginAsync(fixture.Node, "dispatcher");
        var waiting = await CliCases.ReportAsync(worker, "Waiting in the queue", "cli-queue-1");
        var assigned = await CliCases.ReportAsync(worker, "Already assigned", "cli-queue-2");
        (await dispatcher.RunAsync("accept", assigned)).AssertOk();
        (await dispatcher.RunAsync("assign", assigned, "--department", Sanitation)).AssertOk();

        var queue = await dispatcher.RunAsync("queue", "--all");

        queue.AssertOk();
        Assert.Contains(waiting, queue.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(assigned, queue.Out, StringComparison.Ordinal);
    }

    private async Task<Case> FindAsync(string number)
    {
        var cases = await fixture.Node.CasesAsAsync("dispatcher");
        var page = await cases.ListCasesAsync(new ListCasesRequest { Text = number, PageSize = 5 });
        return page.Cases.Single(c => c.Number == number);
    }
}
