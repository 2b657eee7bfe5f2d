using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Node.Tests;

/// <summary>Calls outside the caller's role, grid or department: PERMISSION_DENIED, and nothing changed.</summary>
public abstract partial class CaseStateAndScopeTests
{
    [Theory]
    [InlineData("worker1", "accept")]
    [InlineData("worker1", "reject")]
    [InlineData("worker1", "assign")]
    [InlineData("worker1", "defer")]
    [InlineData("worker1", "merge")]
    [InlineData("sanitation", "accept")]
    [InlineData("sanitation", "assign")]
    [InlineData("supervisor", "accept")]
    [InlineData("supervisor", "assign")]
    [InlineData("admin", "accept")]
    [InlineData("admin", "reject")]
    public async Task DispatcherMoves_ByAnotherRole_PermissionDeniedNamingRoleAndAction(string userName, string action)
    {
        var reported = await ReportedAsync("target");
        var other = await ReportedAsync("other");
        var before = await SnapshotAsync(reported, other);
        var client = await As(userName);
        var id = reported.Id;
        var version = reported.Version;

        Func<Task> call = action switch
        {
            "accept" => () => client.AcceptCaseAsync(new AcceptCaseRequest { CaseId = id, ExpectedVersion = version }).ResponseAsync,
            "reject" => () => client.RejectCaseAsync(new RejectCaseRequest { CaseId = id, ExpectedVersion = version, Reason = "No." }).ResponseAsync,
            "assign" => () => client.AssignCaseAsync(new AssignCaseRequest { CaseId = id, ExpectedVersion = version, Assignee = Sanitation }).ResponseAsync,
            "defer" => () => client.DeferCaseAsync(new DeferCaseRequest { CaseId = id, ExpectedVersion = version, Until = In(TimeSpan.FromDays(1), Node.Clock.GetUtcNow()), Reason = "Later." }).ResponseAsync,
            "merge" => () => client.MergeCaseAsync(new MergeCaseRequest { CaseId = id, ExpectedVersion = version, OriginalCaseId = other.Id }).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, call, "may not " + action);

        await AssertUnchangedAsync(before);
    }

    [Theory]
    [InlineData("supervisor", "Supervisor")]
    [InlineData("admin", "Admin")]
    [InlineData("sanitation", "DepartmentHandler")]
    public async Task ReportCase_ByARoleThatDoesNotReport_PermissionDeniedAndNoCase(string userName, string role)
    {
        var earlier = await ReportedAsync("earlier");
        var before = await SnapshotAsync(earlier);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, (await As(userName)).ReportCaseAsync(NewReport("not-mine")), $"Role {role} may not report");

        await AssertUnchangedAsync(before);
    }

    [Theory]
    [InlineData("sanitation")]
    [InlineData("supervisor")]
    [InlineData("admin")]
    public async Task VerifyCase_ByARoleThatDoesNotVerify_PermissionDenied(string userName)
    {
        var resolved = await ResolvedAsync();
        var before = await SnapshotAsync(resolved);

        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied,
            (await As(userName)).VerifyCaseAsync(new VerifyCaseRequest { CaseId = resolved.Id, ExpectedVersion = resolved.Version, Passed = true }),
            "may not verify");

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task StartCase_GridWorkerOnACaseAssignedToADepartment_PermissionDenied()
    {
        var assigned = await AssignedAsync();
        var before = await SnapshotAsync(assigned);

        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied,
            (await As("worker1")).StartCaseAsync(new StartCaseRequest { CaseId = assigned.Id, ExpectedVersion = assigned.Version }),
            assigned.Number);

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task ReportCase_GridWorkerInAnotherGrid_PermissionDeniedNamingTheGridAndNoCase()
    {
        var earlier = await ReportedAsync("earlier");
        var before = await SnapshotAsync(earlier);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, (await As("worker2")).ReportCaseAsync(NewReport("wrong-grid", grid: Grid1)), Grid1, "not one of your grids");

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task ReportCase_GridWorkerInAGridThatDoesNotExist_PermissionDenied()
    {
        var before = await SnapshotAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, (await As("worker1")).ReportCaseAsync(NewReport("nowhere", grid: "999999999999999")), "999999999999999");

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task GetCase_GridWorkerOfAnotherGrid_PermissionDeniedNamingTheCase()
    {
        var inGrid1 = await ReportedAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, (await As("worker2")).GetCaseAsync(new GetCaseRequest { CaseId = inGrid1.Id }), inGrid1.Number, "outside your scope");
    }

    [Fact]
    public async Task VerifyCase_GridWorkerOfAnotherGrid_PermissionDeniedAndUnchanged()
    {
        var resolved = await ResolvedAsync();
        var before = await SnapshotAsync(resolved);

        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied,
            (await As("worker2")).VerifyCaseAsync(new VerifyCaseRequest { CaseId = resolved.Id, ExpectedVersion = resolved.Version, Passed = true }),
            resolved.Number);

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task ListCases_GridWorker_NeverSeesAnotherGrid_FilteringForItPermissionDenied()
    {
        await ReportedAsync("grid1");
        var inGrid3 = await ReportedAsync("grid3", reporter: "worker2", grid: Grid3);
        var worker2 = await As("worker2");

        Assert.Equal([inGrid3.Id], (await worker2.ListCasesAsync(new ListCasesRequest())).Cases.Select(c => c.Id));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, worker2.ListCasesAsync(new ListCasesRequest { GridId = Grid1 }), Grid1, "not one of your grids");
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, worker2.ListCasesAsync(new ListCasesRequest { Text = "Overflowing", GridId = Grid1 }), Grid1);
    }

    [Fact]
    public async Task StartCase_HandlerOfAnotherDepartment_PermissionDeniedAndUnchanged()
    {
        var assigned = await AssignedAsync();
        var before = await SnapshotAsync(assigned);
        var safety = await As("safety");

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, safety.StartCaseAsync(new StartCaseRequest { CaseId = assigned.Id, ExpectedVersion = assigned.Version }), assigned.Number);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, safety.GetCaseAsync(new GetCaseRequest { CaseId = assigned.Id }), assigned.Number);

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task ResolveCase_HandlerOfAnotherDepartment_PermissionDeniedAndUnchanged()
    {
        var inProgress = await InProgressAsync();
        var before = await SnapshotAsync(inProgress);

        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied,
            (await As("safety")).ResolveCaseAsync(new ResolveCaseRequest { CaseId = inProgress.Id, ExpectedVersion = inProgress.Version, Note = "Not mine, but done." }),
            inProgress.Number);

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task StartCase_HandlerBeforeTheCaseIsAssignedToTheirDepartment_PermissionDenied()
    {
        var accepted = await AcceptedAsync();
        var before = await SnapshotAsync(accepted);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, (await As("sanitation")).StartCaseAsync(new StartCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version }), accepted.Number);

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task StartAndVerify_OutOfScopeAndStaleOnAClosedCase_PermissionDeniedFirst()
    {
        // An outsider learns nothing about the case's state: not its version, not its status.
        var closed = await ClosedAsync();
        var before = await SnapshotAsync(closed);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, (await As("safety")).StartCaseAsync(new StartCaseRequest { CaseId = closed.Id, ExpectedVersion = 99 }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, (await As("worker2")).VerifyCaseAsync(new VerifyCaseRequest { CaseId = closed.Id, ExpectedVersion = 1, Passed = true }));

        await AssertUnchangedAsync(before);
    }
}
