using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Dispatch.Testing;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Dispatch.Node.Tests.Infrastructure.EscalationCases;

namespace Dispatch.Node.Tests.Escalation;

public abstract partial class EscalationTests(StorageKind storage) : IAsyncLifetime
{
    private ClusterTestHost _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClusterTestHost.StartAsync(storage);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task VillageToTownToDistrict_ResolvedAtDistrict_VerifiedByReportingWorker_ClosedEverywhere()
    {
        var villageWorker = await _cluster.Village.CasesAsAsync("worker1");
        var villageDispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        var districtDispatcher = await _cluster.District.CasesAsAsync("dispatcher");
        var districtHandler = await _cluster.District.CasesAsAsync("sanitation");

        var reported = (await villageWorker.ReportCaseAsync(Report("esc-1"))).Case;
        var atVillage = (await villageDispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Needs the town's equipment." })).Case;
        Assert.Equal(CaseStatus.Escalated, atVillage.Status);
        Assert.Equal("town", atVillage.EscalatedToNodeId);

        var atTown = await _cluster.EventuallyAsync(() => FindByOriginAsync(townDispatcher, reported.Id), "the escalation to reach the town");
        Assert.Equal("village", atTown.OriginNodeId);
        Assert.Equal(reported.Number, atTown.OriginCaseNumber);
        Assert.Equal(CaseStatus.Reported, atTown.Status);

        // The town numbers the case anew, and finds it by the village's number too.
        Assert.Equal(atTown.Id, (await townDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = reported.Number })).Case.Id);
        Assert.Equal([atTown.Id], (await townDispatcher.ListCasesAsync(new ListCasesRequest { Text = reported.Number })).Cases.Select(c => c.Id));
        atTown = (await townDispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = atTown.Id, ExpectedVersion = atTown.Version, Reason = "District-wide drainage." })).Case;

        var atDistrict = await _cluster.EventuallyAsync(() => FindByOriginAsync(districtDispatcher, atTown.Id), "the escalation to reach the district");
        atDistrict = (await districtDispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = atDistrict.Id, ExpectedVersion = atDistrict.Version })).Case;
        atDistrict = (await districtDispatcher.AssignCaseAsync(new AssignCaseRequest { CaseId = atDistrict.Id, ExpectedVersion = atDistrict.Version, Assignee = new Assignee { Kind = AssigneeKind.Department, Id = DemoDirectory.SanitationId.ToString() } })).Case;
        atDistrict = (await districtHandler.StartCaseAsync(new StartCaseRequest { CaseId = atDistrict.Id, ExpectedVersion = atDistrict.Version })).Case;
        atDistrict = (await districtHandler.ResolveCaseAsync(new ResolveCaseRequest { CaseId = atDistrict.Id, ExpectedVersion = atDistrict.Version, Note = "Drain cleared by the district team." })).Case;

        // The resolution travels down both links; the reporting worker verifies on site at the village.
        var resolvedAtVillage = await _cluster.EventuallyAsync(() => StatusIsAsync(villageWorker, reported.Id, CaseStatus.Resolved), "the resolution to reach the village");
        var closedAtVillage = (await villageWorker.VerifyCaseAsync(new VerifyCaseRequest { CaseId = resolvedAtVillage.Id, ExpectedVersion = resolvedAtVillage.Version, Passed = true, Note = "Checked on site." })).Case;
        Assert.Equal(CaseStatus.Closed, closedAtVillage.Status);

        await _cluster.EventuallyAsync(() => StatusIsAsync(townDispatcher, atTown.Id, CaseStatus.Closed), "the verdict to close the town's case");
        var closedAtDistrict = await _cluster.EventuallyAsync(() => StatusIsAsync(districtDispatcher, atDistrict.Id, CaseStatus.Closed), "the verdict to close the district's case");
        var history = (await districtDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = closedAtDistrict.Id })).Case.History;
        Assert.Equal(["CaseReported", "CaseAccepted", "CaseAssigned", "CaseStarted", "CaseResolved", "CaseVerified"], history.Select(e => e.Type));

        // Each child's copy follows its parent's to the end: closed, not left at the resolution.
        await _cluster.EventuallyAsync(() => ParentStatusIsAsync(villageDispatcher, reported.Id, CaseStatus.Closed), "the village's copy to show the town's closure");
        await _cluster.EventuallyAsync(() => ParentStatusIsAsync(townDispatcher, atTown.Id, CaseStatus.Closed), "the town's copy to show the district's closure");
        Assert.Equal(CaseStatus.Closed, (await villageDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = reported.Id })).Case.Status);

        // Exactly one case per tier: no retry created a second one.
        Assert.Single((await townDispatcher.ListCasesAsync(new ListCasesRequest())).Cases);
        Assert.Single((await districtDispatcher.ListCasesAsync(new ListCasesRequest())).Cases);
    }

    [Fact]
    public async Task ParentDown_EscalationWaitsInOutbox_DeliveredOnceWhenItReturns()
    {
        var worker = await _cluster.Village.CasesAsAsync("worker1");
        var villageDispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        await _cluster.Town.StopAsync();

        var reported = (await worker.ReportCaseAsync(Report("esc-down"))).Case;
        var escalated = (await villageDispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Town must handle." })).Case;
        Assert.Equal(CaseStatus.Escalated, escalated.Status);

        // The relay keeps retrying (with backoff on the village's clock) while the town is down.
        for (var i = 0; i < 5; i++)
        {
            _cluster.Village.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        await _cluster.Town.RestartAsync();
        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        var atTown = await _cluster.EventuallyAsync(() => FindByOriginAsync(townDispatcher, reported.Id), "the escalation to arrive after the town came back");
        var linked = await _cluster.EventuallyAsync(() => LinkedAsync(villageDispatcher, reported.Id), "the village to record the town's case id");
        Assert.Equal(atTown.Id, linked.ParentCaseId);
        Assert.Single((await townDispatcher.ListCasesAsync(new ListCasesRequest())).Cases);
    }

    [Fact]
    public async Task ChildDownWhileTheParentWorks_ItsUpdatesAppliedInOrderOnceWhenTheChildReturns()
    {
        var worker = await _cluster.Village.CasesAsAsync("worker1");
        var villageDispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        var townHandler = await _cluster.Town.CasesAsAsync("sanitation");
        var reported = (await worker.ReportCaseAsync(Report("esc-burst"))).Case;
        await villageDispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Town crew." });
        var atTown = await _cluster.EventuallyAsync(() => FindByOriginAsync(townDispatcher, reported.Id), "the escalation to reach the town");
        await _cluster.EventuallyAsync(() => LinkedAsync(villageDispatcher, reported.Id), "the village to record the town's case id");

        // Three updates wait at the town while the village is down, and reach it together when it returns.
        await _cluster.Village.StopAsync();
        atTown = (await townDispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = atTown.Id, ExpectedVersion = atTown.Version })).Case;
        atTown = (await townDispatcher.AssignCaseAsync(new AssignCaseRequest { CaseId = atTown.Id, ExpectedVersion = atTown.Version, Assignee = new Assignee { Kind = AssigneeKind.Department, Id = DemoDirectory.SanitationId.ToString() } })).Case;
        await townHandler.StartCaseAsync(new StartCaseRequest { CaseId = atTown.Id, ExpectedVersion = atTown.Version });
        await _cluster.Village.RestartAsync();

        villageDispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        await _cluster.EventuallyAsync(
            async () => (await villageDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = reported.Id })).Case is { ParentStatus: CaseStatus.InProgress } c ? c : null,
            "the town's progress to reach the village");
        var mirrored = (await villageDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = reported.Id })).Case.History
            .Where(e => e.Type == "CaseParentUpdated")
            .Select(e => e.Note.Split(' ')[0])
            .ToList();
        Assert.Equal(["CaseReported", "CaseAccepted", "CaseAssigned", "CaseStarted"], mirrored);
    }

    [Fact]
    public async Task ParentBusyWithItsOwnCases_AChildsUpdatesStillReachIt()
    {
        var worker = await _cluster.Village.CasesAsAsync("worker1");
        var villageDispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        var townGrid = (await (await _cluster.Town.DirectoryAsAsync("dispatcher")).ListGridsAsync(new ListGridsRequest())).Grids[0].Id;

        // More of the town's own feed entries than one read of a child's subscription takes, none of them the
        // village's: its subscription reads past them, and then must still see what concerns it.
        await Task.WhenAll(Enumerable.Range(0, 230).Select(i =>
        {
            var own = Report($"town-own-{i}");
            own.GridId = townGrid;
            return townDispatcher.ReportCaseAsync(own).ResponseAsync;
        }));
        var reported = (await worker.ReportCaseAsync(Report("esc-after-busy", title: "Collapsed culvert by the mill"))).Case;
        await villageDispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Town crew." });
        var atTown = await _cluster.EventuallyAsync(
            async () => (await townDispatcher.ListCasesAsync(new ListCasesRequest { Text = "culvert" })).Cases.FirstOrDefault(c => c.OriginCaseId == reported.Id),
            "the escalation to reach the town");
        await townDispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = atTown.Id, ExpectedVersion = atTown.Version });

        var mirrored = await _cluster.EventuallyAsync(
            async () => (await villageDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = reported.Id })).Case is { ParentStatus: CaseStatus.Accepted } c ? c : null,
            "the town's acceptance to reach the village");
        Assert.Equal(atTown.Id, mirrored.ParentCaseId);
        Assert.Equal(
            ["CaseReported", "CaseAccepted"],
            mirrored.History.Where(e => e.Type == "CaseParentUpdated").Select(e => e.Note.Split(' ')[0]));
    }

    [Fact]
    public async Task ParentHandsEscalationBack_ChildCaseBackInItsQueue()
    {
        var worker = await _cluster.Village.CasesAsAsync("worker1");
        var villageDispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        var reported = (await worker.ReportCaseAsync(Report("esc-back"))).Case;
        await villageDispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Too hard." });
        var atTown = await _cluster.EventuallyAsync(() => FindByOriginAsync(townDispatcher, reported.Id), "the escalation to reach the town");

        var returned = (await townDispatcher.ReturnEscalationAsync(new ReturnEscalationRequest { CaseId = atTown.Id, ExpectedVersion = atTown.Version, Reason = "A village team can fix a bin." })).Case;
        Assert.Equal(CaseStatus.Rejected, returned.Status);
        var back = await _cluster.EventuallyAsync(() => StatusIsAsync(villageDispatcher, reported.Id, CaseStatus.Accepted), "the hand-back to reach the village");
        Assert.Equal("", back.EscalatedToNodeId);
    }

    [Fact]
    public async Task EmergencyWhistle_SkipsTheTown_HandledAndClosedAtTheDistrict()
    {
        var worker = await _cluster.Village.CasesAsAsync("worker1");
        var villageDispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        var districtDispatcher = await _cluster.District.CasesAsAsync("dispatcher");
        var request = Report("emergency");
        request.Whistle = WhistleClass.Emergency;
        var reported = (await worker.ReportCaseAsync(request)).Case;
        var escalated = (await villageDispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Gas smell near the school." })).Case;
        Assert.Equal("district", escalated.EscalatedToNodeId);

        var atDistrict = await _cluster.EventuallyAsync(() => FindByOriginAsync(districtDispatcher, reported.Id), "the emergency to reach the district");
        Assert.Equal("village", atDistrict.OriginNodeId);
        atDistrict = (await districtDispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = atDistrict.Id, ExpectedVersion = atDistrict.Version })).Case;
        atDistrict = (await districtDispatcher.AssignCaseAsync(new AssignCaseRequest { CaseId = atDistrict.Id, ExpectedVersion = atDistrict.Version, Assignee = new Assignee { Kind = AssigneeKind.Department, Id = DemoDirectory.SafetyId.ToString() } })).Case;
        var safety = await _cluster.District.CasesAsAsync("safety");
        atDistrict = (await safety.StartCaseAsync(new StartCaseRequest { CaseId = atDistrict.Id, ExpectedVersion = atDistrict.Version })).Case;
        await safety.ResolveCaseAsync(new ResolveCaseRequest { CaseId = atDistrict.Id, ExpectedVersion = atDistrict.Version, Note = "Leak sealed." });

        var resolved = await _cluster.EventuallyAsync(() => StatusIsAsync(worker, reported.Id, CaseStatus.Resolved), "the resolution to reach the village");
        await worker.VerifyCaseAsync(new VerifyCaseRequest { CaseId = resolved.Id, ExpectedVersion = resolved.Version, Passed = true });
        await _cluster.EventuallyAsync(() => StatusIsAsync(districtDispatcher, atDistrict.Id, CaseStatus.Closed), "the verdict to close the district's case");
        Assert.Empty((await townDispatcher.ListCasesAsync(new ListCasesRequest())).Cases);
    }

    [Fact]
    public async Task District_HasNoParent_EscalateFailsAndChangesNothing()
    {
        var dispatcher = await _cluster.District.CasesAsAsync("dispatcher");
        var worker = await _cluster.District.CasesAsAsync("worker1");
        var reported = (await worker.ReportCaseAsync(Report("top"))).Case;
        var error = await Assert.ThrowsAsync<RpcException>(() => dispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Up!" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("no parent", error.Status.Detail);
        Assert.Equal(reported.Version, (await dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = reported.Id })).Case.Version);
    }

    [Fact]
    public async Task EscalationService_ChildCredentialPastItsExpiry_UnauthenticatedAfterBeingAccepted_NothingWritten()
    {
        // Accepted once (and so remembered), the same credential is refused once the parent's clock passes its expiry.
        var villageKey = _cluster.Village.Services.GetRequiredService<IOptions<Hosting.NodeOptions>>().Value.ParentKey!;
        var token = NodeToken.Create("village", "town", villageKey, _cluster.Town.Clock.GetUtcNow());
        var client = new EscalationService.EscalationServiceClient(_cluster.Town.Channel.CreateCallInvoker().WithToken(token));
        await client.EscalateAsync(EscalationCases.Direct("accepted")).ResponseAsync;
        _cluster.Town.Clock.Advance(NodeToken.Lifetime);
        var error = await Assert.ThrowsAsync<RpcException>(() => client.EscalateAsync(EscalationCases.Direct("expired")).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        Assert.Equal(["accepted"], (await townDispatcher.ListCasesAsync(new ListCasesRequest())).Cases.Select(c => c.Title));
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("unregistered")]
    [InlineData("user-token")]
    public async Task EscalationService_WithoutAValidChildCredential_Refused_NothingWritten(string credential)
    {
        var token = credential switch
        {
            "user-token" => await _cluster.Town.LoginAsync("dispatcher"),
            _ => NodeToken.Create(credential == "forged" ? "village" : "stranger", "town", ClusterTestHost.NewKey(), _cluster.Town.Clock.GetUtcNow()),
        };
        var client = new EscalationService.EscalationServiceClient(_cluster.Town.Channel.CreateCallInvoker().WithToken(token));
        var error = await Assert.ThrowsAsync<RpcException>(() => client.EscalateAsync(EscalationCases.Direct("Sneaky")).ResponseAsync);

        // A user's valid token is a known caller without the right; a forged or unregistered credential is no caller at all.
        Assert.Equal(credential == "user-token" ? StatusCode.PermissionDenied : StatusCode.Unauthenticated, error.StatusCode);
        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        Assert.Empty((await townDispatcher.ListCasesAsync(new ListCasesRequest())).Cases);
    }
}

public sealed class EscalationSqliteTests() : EscalationTests(StorageKind.Sqlite);

public sealed class EscalationPostgresTests() : EscalationTests(StorageKind.Postgres);
