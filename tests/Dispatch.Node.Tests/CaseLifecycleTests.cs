using Dispatch.Contracts.V1;
using Dispatch.Data;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests;

public abstract class CaseLifecycleTests(StorageKind storage) : NodeTestBase(storage)
{
    [Fact]
    public async Task ClosedLoop_ReportToClose_ThroughGeneratedStubs()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var dispatcher = await Node.CasesAsAsync("dispatcher");
        var handler = await Node.CasesAsAsync("sanitation");

        var report = await worker.ReportCaseAsync(NewReport("r-1"));
        Assert.True(report.Created);
        var c = report.Case;
        Assert.Equal(CaseStatus.Reported, c.Status);
        Assert.StartsWith("C-20261124-", c.Number);

        c = (await dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Note = "ok" })).Case;
        c = (await dispatcher.AssignCaseAsync(new AssignCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Assignee = Sanitation })).Case;
        Assert.Equal(CaseStatus.Assigned, c.Status);
        c = (await handler.StartCaseAsync(new StartCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version })).Case;
        c = (await handler.ResolveCaseAsync(new ResolveCaseRequest
        {
            CaseId = c.Id,
            ExpectedVersion = c.Version,
            Note = "Bins emptied and area cleaned.",
            EvidenceRefs = { "sha256:" + new string('a', 64) },
        })).Case;
        Assert.Equal(CaseStatus.Resolved, c.Status);
        c = (await worker.VerifyCaseAsync(new VerifyCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Passed = true, Note = "Checked on site." })).Case;
        Assert.Equal(CaseStatus.Closed, c.Status);
        c = (await worker.RateCaseAsync(new RateCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Satisfaction = 5 })).Case;
        Assert.Equal(5, c.Satisfaction);

        var full = (await dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = c.Id })).Case;
        Assert.Equal(
            ["CaseReported", "CaseAccepted", "CaseAssigned", "CaseStarted", "CaseResolved", "CaseVerified", "CaseRated"],
            full.History.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(1, full.History.Count), full.History.Select(e => e.Sequence));
        Assert.Equal(full.Version, full.History.Count);

        var closed = await dispatcher.ListCasesAsync(new ListCasesRequest { Statuses = { CaseStatus.Closed } });
        Assert.Equal([c.Id], closed.Cases.Select(x => x.Id));
    }

    [Fact]
    public async Task VerifyFail_ReturnsForRework_ThenAssigneeRestarts()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var handler = await Node.CasesAsAsync("sanitation");
        var c = await ReportAcceptAssignAsync("r-rework");
        c = (await handler.StartCaseAsync(new StartCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version })).Case;
        c = (await handler.ResolveCaseAsync(new ResolveCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Note = "done" })).Case;
        c = (await worker.VerifyCaseAsync(new VerifyCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Passed = false, Note = "Still dirty." })).Case;
        Assert.Equal(CaseStatus.Returned, c.Status);
        Assert.Equal(1, c.ReworkCount);
        c = (await handler.StartCaseAsync(new StartCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version })).Case;
        Assert.Equal(CaseStatus.InProgress, c.Status);
    }

    [Fact]
    public async Task Report_SameRequestIdTwice_OneCase()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var first = await worker.ReportCaseAsync(NewReport("retry-me"));
        var second = await worker.ReportCaseAsync(NewReport("retry-me"));
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Case.Id, second.Case.Id);
        Assert.Single((await worker.ListCasesAsync(new ListCasesRequest())).Cases);
    }

    [Fact]
    public async Task Report_ConcurrentRetries_OneCase()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => worker.ReportCaseAsync(NewReport("storm")).ResponseAsync));
        Assert.Single(replies.Select(r => r.Case.Id).Distinct());
        Assert.Single(replies, r => r.Created);
    }

    [Fact]
    public async Task Report_ConcurrentReportsOfOneProblem_EachPairSuggestedInExactlyOneDirection()
    {
        // Reports committed together share one lookup, and each still sees those committed before it:
        // of any two, the later one names the earlier one, never both or neither.
        var worker = await Node.CasesAsAsync("worker1");
        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => worker.ReportCaseAsync(NewReport($"crowd-{i}")).ResponseAsync));

        foreach (var a in replies)
        {
            Assert.DoesNotContain(a.Case.Id, a.PossibleDuplicates.Select(d => d.Id));
            foreach (var b in replies.Where(r => r != a))
            {
                var aNamesB = a.PossibleDuplicates.Any(d => d.Id == b.Case.Id);
                var bNamesA = b.PossibleDuplicates.Any(d => d.Id == a.Case.Id);
                Assert.True(aNamesB != bNamesA, $"{a.Case.Number} and {b.Case.Number}: {aNamesB} / {bNamesA}");
            }
        }

        Assert.Equal(Enumerable.Range(0, 10), replies.Select(r => r.PossibleDuplicates.Count).Order());
    }

    [Fact]
    public async Task Report_SameGridAndCategory_SuggestsDuplicate_DispatcherMerges()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var dispatcher = await Node.CasesAsAsync("dispatcher");
        var original = (await worker.ReportCaseAsync(NewReport("a"))).Case;
        var second = await worker.ReportCaseAsync(NewReport("b"));
        Assert.Equal([original.Id], second.PossibleDuplicates.Select(d => d.Id));
        var other = await worker.ReportCaseAsync(NewReport("c", category: "0301"));
        Assert.Empty(other.PossibleDuplicates);

        var merged = (await dispatcher.MergeCaseAsync(new MergeCaseRequest { CaseId = second.Case.Id, ExpectedVersion = second.Case.Version, OriginalCaseId = original.Id })).Case;
        Assert.Equal(CaseStatus.Merged, merged.Status);
        Assert.Equal(original.Id, merged.MergedIntoCaseId);
    }

    [Fact]
    public async Task Report_SuggestsOpenCasesInEveryOpenStatus_NewestFirst_NotRejectedMergedOrClosed()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var dispatcher = await Node.CasesAsAsync("dispatcher");
        var handler = await Node.CasesAsAsync("sanitation");
        // A minute between reports, so newest first is one order.
        async Task<Case> ReportAsync(string requestId)
        {
            Node.Clock.Advance(TimeSpan.FromMinutes(1));
            return (await worker.ReportCaseAsync(NewReport(requestId))).Case;
        }

        async Task<Case> AcceptAsync(Case c) => (await dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version })).Case;
        async Task<Case> AssignAsync(Case c) => (await dispatcher.AssignCaseAsync(new AssignCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Assignee = Sanitation })).Case;
        async Task<Case> StartAsync(Case c) => (await handler.StartCaseAsync(new StartCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version })).Case;
        async Task<Case> ResolveAsync(Case c) => (await handler.ResolveCaseAsync(new ResolveCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Note = "Done." })).Case;
        async Task<Case> VerifyAsync(Case c, bool passed) => (await worker.VerifyCaseAsync(new VerifyCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Passed = passed, Note = "Seen." })).Case;

        var reported = await ReportAsync("still-reported");
        var accepted = await AcceptAsync(await ReportAsync("accepted"));
        var assigned = await AssignAsync(await AcceptAsync(await ReportAsync("assigned")));
        var rejected = await ReportAsync("rejected");
        await dispatcher.RejectCaseAsync(new RejectCaseRequest { CaseId = rejected.Id, ExpectedVersion = rejected.Version, Reason = "not a problem" });
        var merged = await ReportAsync("merged");
        await dispatcher.MergeCaseAsync(new MergeCaseRequest { CaseId = merged.Id, ExpectedVersion = merged.Version, OriginalCaseId = reported.Id });
        var started = await StartAsync(await AssignAsync(await AcceptAsync(await ReportAsync("started"))));
        var resolved = await ResolveAsync(await StartAsync(await AssignAsync(await AcceptAsync(await ReportAsync("resolved")))));
        var returned = await VerifyAsync(await ResolveAsync(await StartAsync(await AssignAsync(await AcceptAsync(await ReportAsync("returned"))))), passed: false);
        var closed = await VerifyAsync(await ResolveAsync(await StartAsync(await AssignAsync(await AcceptAsync(await ReportAsync("closed"))))), passed: true);
        var deferred = await AcceptAsync(await ReportAsync("deferred"));
        deferred = (await dispatcher.DeferCaseAsync(new DeferCaseRequest { CaseId = deferred.Id, ExpectedVersion = deferred.Version, Until = In(TimeSpan.FromDays(1), Node.Clock.GetUtcNow()), Reason = "Parts." })).Case;
        Assert.Equal(CaseStatus.Closed, closed.Status);

        Node.Clock.Advance(TimeSpan.FromMinutes(1));
        var next = await worker.ReportCaseAsync(NewReport("next"));

        Assert.Equal([deferred.Id, returned.Id, resolved.Id, started.Id, assigned.Id, accepted.Id, reported.Id], next.PossibleDuplicates.Select(d => d.Id));
        Assert.Equal(
            [CaseStatus.Deferred, CaseStatus.Returned, CaseStatus.Resolved, CaseStatus.InProgress, CaseStatus.Assigned, CaseStatus.Accepted, CaseStatus.Reported],
            next.PossibleDuplicates.Select(d => d.Status));
    }

    [Fact]
    public async Task Immediate_ReportedFixedOnTheSpot_NeedsVerificationBySomeoneElse()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var dispatcher = await Node.CasesAsAsync("dispatcher");
        var request = NewReport("spot");
        request.HandlingMode = HandlingMode.Immediate;
        var c = (await worker.ReportCaseAsync(request)).Case;
        Assert.Equal(CaseStatus.Resolved, c.Status);
        var error = await Assert.ThrowsAsync<RpcException>(() => worker.VerifyCaseAsync(new VerifyCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Passed = true }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("VerifierMustNotBeResolver", error.Status.Detail);
        c = (await dispatcher.VerifyCaseAsync(new VerifyCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Passed = true })).Case;
        Assert.Equal(CaseStatus.Closed, c.Status);
    }

    [Fact]
    public async Task DeferAndResume_DueTimeMovesByThePause()
    {
        var dispatcher = await Node.CasesAsAsync("dispatcher");
        var c = await ReportAcceptAssignAsync("defer");
        var now = Node.Clock.GetUtcNow();
        c = (await dispatcher.DeferCaseAsync(new DeferCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Until = In(TimeSpan.FromDays(2), now), Reason = "Waiting for parts." })).Case;
        Assert.Equal(CaseStatus.Deferred, c.Status);
        Node.Clock.Advance(TimeSpan.FromHours(5));
        c = (await dispatcher.ResumeCaseAsync(new ResumeCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version })).Case;
        Assert.Equal(CaseStatus.Assigned, c.Status);
    }

    [Fact]
    public async Task ListCases_PagesWithoutGapsOrRepeats()
    {
        var worker = await Node.CasesAsAsync("worker1");
        for (var i = 0; i < 7; i++)
        {
            await worker.ReportCaseAsync(NewReport($"p{i}", title: $"Case {i}"));
            Node.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await worker.ListCasesAsync(new ListCasesRequest { PageSize = 3, PageToken = token });
            Assert.True(page.Cases.Count <= 3);
            seen.AddRange(page.Cases.Select(c => c.Title));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"Case {i}"), seen);
    }

    [Fact]
    public async Task ListCases_OverdueOnly_ListsTheCasesPastTheirDeadline()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var dispatcher = await Node.CasesAsAsync("dispatcher");
        var late = (await worker.ReportCaseAsync(NewReport("late"))).Case;
        await worker.ReportCaseAsync(NewReport("on-time"));
        await using (var context = await Node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>().CreateDbContextAsync())
        {
            var stored = await context.Cases.SingleAsync(c => c.Id == Guid.Parse(late.Id));
            var now = Node.Clock.GetUtcNow();
            stored.Reschedule(now, now.AddDays(1));
            Assert.True(stored.MarkOverdue(now.AddDays(2)));
            await context.SaveChangesAsync();
        }

        var overdue = (await dispatcher.ListCasesAsync(new ListCasesRequest { OverdueOnly = true })).Cases;

        Assert.Equal([late.Id], overdue.Select(c => c.Id));
        Assert.True(overdue[0].Overdue);
    }

    [Fact]
    public async Task ListCases_Filters_ByStatusGridAssigneeAndText()
    {
        var worker1 = await Node.CasesAsAsync("worker1");
        var worker2 = await Node.CasesAsAsync("worker2");
        var dispatcher = await Node.CasesAsAsync("dispatcher");
        var assigned = await ReportAcceptAssignAsync("f1");
        await worker2.ReportCaseAsync(NewReport("f2", grid: Grid3, title: "Broken street light"));

        Assert.Equal([assigned.Id], (await dispatcher.ListCasesAsync(new ListCasesRequest { Assignee = Sanitation })).Cases.Select(c => c.Id));
        Assert.Single((await dispatcher.ListCasesAsync(new ListCasesRequest { GridId = Grid3 })).Cases);
        Assert.Single((await dispatcher.ListCasesAsync(new ListCasesRequest { Text = "street light" })).Cases);
        Assert.Single((await dispatcher.ListCasesAsync(new ListCasesRequest { Statuses = { CaseStatus.Reported } })).Cases);
        Assert.Equal(2, (await dispatcher.ListCasesAsync(new ListCasesRequest { CategoryCode = "02" })).Cases.Count);
        Assert.Equal(2, (await dispatcher.ListCasesAsync(new ListCasesRequest { CategoryCode = "0201" })).Cases.Count);
        Assert.Empty((await dispatcher.ListCasesAsync(new ListCasesRequest { CategoryCode = "0202" })).Cases);

        // A whole case number, in any letter case, finds its case; a part of one still matches as text.
        Assert.Equal([assigned.Id], (await dispatcher.ListCasesAsync(new ListCasesRequest { Text = assigned.Number.ToLowerInvariant() })).Cases.Select(c => c.Id));
        Assert.Equal([assigned.Id], (await dispatcher.ListCasesAsync(new ListCasesRequest { Text = assigned.Number[^12..] })).Cases.Select(c => c.Id));
        Assert.Equal(2, (await dispatcher.ListCasesAsync(new ListCasesRequest { Text = assigned.Number[..11] })).Cases.Count);

        // Scope: a worker sees only their grids, a handler only their department's cases.
        Assert.Equal([assigned.Id], (await worker1.ListCasesAsync(new ListCasesRequest())).Cases.Select(c => c.Id));
        Assert.Equal([assigned.Id], (await (await Node.CasesAsAsync("sanitation")).ListCasesAsync(new ListCasesRequest())).Cases.Select(c => c.Id));
        Assert.Empty((await (await Node.CasesAsAsync("safety")).ListCasesAsync(new ListCasesRequest())).Cases);

        // A top-level code takes cases filed under it as well as under its leaves (on SQLite, one slice each).
        var topLevel = (await worker1.ReportCaseAsync(NewReport("f3", category: "02", title: "Something about sanitation"))).Case;
        var sanitation = (await dispatcher.ListCasesAsync(new ListCasesRequest { CategoryCode = "02" })).Cases;
        Assert.Equal(3, sanitation.Count);
        Assert.Contains(topLevel.Id, sanitation.Select(c => c.Id));
        Assert.Equal(2, (await dispatcher.ListCasesAsync(new ListCasesRequest { CategoryCode = "0201" })).Cases.Count);
    }
}

public sealed class CaseLifecycleSqliteTests() : CaseLifecycleTests(StorageKind.Sqlite);

public sealed class CaseLifecyclePostgresTests() : CaseLifecycleTests(StorageKind.Postgres);
