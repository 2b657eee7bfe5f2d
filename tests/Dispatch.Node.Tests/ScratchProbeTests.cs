using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests;

public sealed class ScratchProbeTests() : ScenarioTestBase(StorageKind.Sqlite)
{
    [Fact]
    public async Task Probe()
    {
        var log = new List<string>();
        try
        {
            var r = await (await As("dispatcher")).ReportCaseAsync(NewReport("x", grid: "110105001001999"));
            log.Add($"dispatcher unknown grid: created={r.Created} grid={r.Case.GridId}");
        }
        catch (global::Grpc.Core.RpcException ex) { log.Add("dispatcher unknown grid: " + ex.Status); }

        var admin = await Node.DirectoryAsAsync("admin");
        await admin.UpsertUserAsync(new UpsertUserRequest { User = new User { UserName = "worker3", DisplayName = "W3", Role = Role.GridWorker, GridIds = { Grid1 } }, Password = "long-enough" });
        var resolved = await ResolvedAsync("v");
        try
        {
            var v = await (await As("worker3", "long-enough")).VerifyCaseAsync(new VerifyCaseRequest { CaseId = resolved.Id, ExpectedVersion = resolved.Version, Passed = true });
            log.Add("worker3 verifies worker1's report: " + v.Case.Status);
        }
        catch (global::Grpc.Core.RpcException ex) { log.Add("worker3 verify: " + ex.Status); }

        var accepted = await AcceptedAsync("sup");
        var sup = (await admin.ListUsersAsync(new ListUsersRequest { Role = Role.Supervisor })).Users[0].Id;
        try
        {
            var a = await (await As("dispatcher")).AssignCaseAsync(new AssignCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version, Assignee = new Assignee { Kind = AssigneeKind.Worker, Id = sup } });
            log.Add("assign to supervisor as worker: " + a.Case.Status);
        }
        catch (global::Grpc.Core.RpcException ex) { log.Add("assign to supervisor: " + ex.Status); }

        var closed = await ClosedAsync("c");
        try
        {
            await (await As("worker1")).RateCaseAsync(new RateCaseRequest { CaseId = closed.Id, ExpectedVersion = closed.Version, Satisfaction = 3, Comment = new string('c', 2001) });
        }
        catch (global::Grpc.Core.RpcException ex) { log.Add("rate long comment: " + ex.Status.Detail); }

        var dir = await Node.DirectoryAsAsync("dispatcher");
        try { await dir.UpsertGridAsync(new UpsertGridRequest { Grid = new Grid { Id = "1", Name = "x" } }); }
        catch (global::Grpc.Core.RpcException ex) { log.Add("dispatcher bad grid upsert: " + ex.Status); }

        Assert.Fail(string.Join("\n", log));
    }
}
