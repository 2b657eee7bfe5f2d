using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests;

/// <summary>
/// A fresh node per test, as <see cref="NodeTestBase"/>, plus: clients signed in once per user,
/// cases brought to a given status in one line, and "nothing changed" checks for the bad paths.
/// </summary>
public abstract class ScenarioTestBase(StorageKind storage) : NodeTestBase(storage)
{
    public const string Grid2 = DemoDirectory.AreaTownVillage + "002";

    private readonly Dictionary<string, CaseService.CaseServiceClient> _clients = [];

    protected static Assignee Safety => new() { Kind = AssigneeKind.Department, Id = DemoDirectory.SafetyId.ToString() };

    /// <summary>A case client signed in as <paramref name="userName"/> (one sign-in per user and test).</summary>
    protected async Task<CaseService.CaseServiceClient> As(string userName, string password = DemoDirectory.Password)
    {
        if (!_clients.TryGetValue(userName, out var client))
        {
            client = new(Node.Channel.CreateCallInvoker().WithToken(await Node.LoginAsync(userName, password)));
            _clients[userName] = client;
        }

        return client;
    }

    /// <summary>Drops the cached sign-ins (after the clock has moved past their tokens' lifetime).</summary>
    protected void ForgetSignIns() => _clients.Clear();

    /// <summary>The user's id, as sign-in reports it.</summary>
    protected async Task<string> UserIdAsync(string userName) =>
        (await new AuthService.AuthServiceClient(Node.Channel).LoginAsync(new LoginRequest { UserName = userName, Password = DemoDirectory.Password })).UserId;

    protected async Task<Case> ReportedAsync(string requestId = "r-1", string reporter = "worker1", string grid = Grid1) =>
        (await (await As(reporter)).ReportCaseAsync(NewReport(requestId, grid))).Case;

    protected async Task<Case> AcceptedAsync(string requestId = "r-1", string grid = Grid1)
    {
        var c = await ReportedAsync(requestId, grid == Grid3 ? "worker2" : "worker1", grid);
        return (await (await As("dispatcher")).AcceptCaseAsync(new AcceptCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version })).Case;
    }

    /// <summary>Reported by worker1 in grid 1, accepted and assigned to <paramref name="assignee"/> (sanitation by default).</summary>
    protected async Task<Case> AssignedAsync(string requestId = "r-1", Assignee? assignee = null)
    {
        var c = await AcceptedAsync(requestId);
        return (await (await As("dispatcher")).AssignCaseAsync(new AssignCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Assignee = assignee ?? Sanitation })).Case;
    }

    protected async Task<Case> InProgressAsync(string requestId = "r-1")
    {
        var c = await AssignedAsync(requestId);
        return (await (await As("sanitation")).StartCaseAsync(new StartCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version })).Case;
    }

    protected async Task<Case> ResolvedAsync(string requestId = "r-1")
    {
        var c = await InProgressAsync(requestId);
        return (await (await As("sanitation")).ResolveCaseAsync(new ResolveCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Note = "Bins emptied." })).Case;
    }

    /// <summary>Resolved by sanitation, verified (passed) by the reporter worker1.</summary>
    protected async Task<Case> ClosedAsync(string requestId = "r-1")
    {
        var c = await ResolvedAsync(requestId);
        return (await (await As("worker1")).VerifyCaseAsync(new VerifyCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Passed = true })).Case;
    }

    /// <summary>The case with its history, as the dispatcher (who sees every case) reads it.</summary>
    protected async Task<Case> ReadAsync(string caseId) =>
        (await (await As("dispatcher")).GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case;

    /// <summary>What "nothing changed" is compared against: the node's footprint and the given cases as read back.</summary>
    protected async Task<Snapshot> SnapshotAsync(params Case[] cases)
    {
        var read = new List<Case>();
        foreach (var c in cases)
        {
            read.Add(await ReadAsync(c.Id));
        }

        return new Snapshot(await NodeFootprint.TakeAsync(Node), read, (await (await As("dispatcher")).ListCasesAsync(new ListCasesRequest { PageSize = 200 })).Cases.Count);
    }

    /// <summary>Re-reads everything in <paramref name="before"/>: same versions, statuses and histories, no new case, no new feed entry.</summary>
    protected async Task AssertUnchangedAsync(Snapshot before)
    {
        foreach (var then in before.Cases)
        {
            var now = await ReadAsync(then.Id);
            Assert.Equal(then.Version, now.Version);
            Assert.Equal(then.Status, now.Status);
            Assert.Equal(then.History.Count, now.History.Count);
            Assert.Equal(then, now);
        }

        Assert.Equal(before.ListedCases, (await (await As("dispatcher")).ListCasesAsync(new ListCasesRequest { PageSize = 200 })).Cases.Count);
        var footprint = await NodeFootprint.TakeAsync(Node);
        Assert.Equal(before.Footprint.FeedEntries, footprint.FeedEntries);
        Assert.Equal(before.Footprint.LastSequence, footprint.LastSequence);
        Assert.Equal(before.Footprint, footprint);
    }

    protected sealed record Snapshot(NodeFootprint Footprint, IReadOnlyList<Case> Cases, int ListedCases);
}
