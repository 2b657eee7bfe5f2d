using Dispatch.Application.Cases.Transitions;
using Dispatch.Application.Security;
using Dispatch.Contracts.V1;
using Dispatch.Data;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests;

/// <summary>
/// Routing rules (分类派单): administrators set and delete them, the command centre lists them, and accepting a case
/// records the department the most specific rule names (its grid before any grid, its leaf category before the
/// parent); the dispatcher still assigns where they choose. Bad input gets its status and writes nothing.
/// </summary>
public abstract class RoutingRuleTests(StorageKind storage) : ScenarioTestBase(storage)
{
    private static readonly string SanitationId = DemoDirectory.SanitationId.ToString();
    private static readonly string SafetyId = DemoDirectory.SafetyId.ToString();

    /// <summary>The demo directory's rules, as ListRoutingRules orders them (by code, so leaves follow their parent).</summary>
    private static readonly RoutingRule[] DemoRules =
    [
        new() { CategoryCode = "02", GridId = "", DepartmentId = SanitationId },
        new() { CategoryCode = "0205", GridId = Grid3, DepartmentId = SafetyId },
        new() { CategoryCode = "03", GridId = "", DepartmentId = SafetyId },
    ];

    [Theory]
    [InlineData("admin")]
    [InlineData("dispatcher")]
    [InlineData("supervisor")]
    public async Task ListRoutingRules_CommandCentreRoles_ReturnTheDemoRules(string userName)
    {
        var directory = await Node.DirectoryAsAsync(userName);

        var listed = await directory.ListRoutingRulesAsync(new ListRoutingRulesRequest());

        Assert.Equal(DemoRules, listed.Rules);
    }

    [Fact]
    public async Task UpsertRoutingRule_NewThenSameCategoryAndGrid_AddsThenChangesTheDepartment()
    {
        var admin = await Node.DirectoryAsAsync("admin");
        var rule = new RoutingRule { CategoryCode = "0201", GridId = Grid1, DepartmentId = SafetyId };

        var added = (await admin.UpsertRoutingRuleAsync(new UpsertRoutingRuleRequest { Rule = rule })).Rule;
        var changed = (await admin.UpsertRoutingRuleAsync(new UpsertRoutingRuleRequest { Rule = new RoutingRule(rule) { DepartmentId = SanitationId } })).Rule;

        Assert.Equal(rule, added);
        Assert.Equal(new RoutingRule(rule) { DepartmentId = SanitationId }, changed);
        var listed = (await admin.ListRoutingRulesAsync(new ListRoutingRulesRequest())).Rules;
        Assert.Equal([DemoRules[0], changed, DemoRules[1], DemoRules[2]], listed);
    }

    [Fact]
    public async Task DeleteRoutingRule_AnyGridAndGridRules_RemovesOnlyTheNamedOne()
    {
        var admin = await Node.DirectoryAsAsync("admin");
        await admin.UpsertRoutingRuleAsync(new UpsertRoutingRuleRequest { Rule = new RoutingRule { CategoryCode = "02", GridId = Grid1, DepartmentId = SafetyId } });

        await admin.DeleteRoutingRuleAsync(new DeleteRoutingRuleRequest { CategoryCode = "02" });
        await admin.DeleteRoutingRuleAsync(new DeleteRoutingRuleRequest { CategoryCode = "0205", GridId = Grid3 });

        var listed = (await admin.ListRoutingRulesAsync(new ListRoutingRulesRequest())).Rules;
        Assert.Equal([new RoutingRule { CategoryCode = "02", GridId = Grid1, DepartmentId = SafetyId }, DemoRules[2]], listed);
    }

    [Fact]
    public async Task AcceptCase_DemoRules_SuggestTheMostSpecificRulesDepartmentOrNone()
    {
        // 0201 in grid 1: only "02 in any grid" applies. 0205 in grid 3: "0205 in grid 3" beats "02 in any grid".
        // 0205 in grid 1: "0205" is grid 3's only. 0601 (disputes): no rule at all.
        Assert.Equal(SanitationId, (await AcceptAsync("a", "0201", Grid1)).SuggestedDepartmentId);
        Assert.Equal(SafetyId, (await AcceptAsync("b", "0205", Grid3)).SuggestedDepartmentId);
        Assert.Equal(SanitationId, (await AcceptAsync("c", "0205", Grid1)).SuggestedDepartmentId);
        Assert.Equal("", (await AcceptAsync("d", "0601", Grid1)).SuggestedDepartmentId);
    }

    [Fact]
    public async Task AcceptCase_GridRuleBeatsAnyGridRule_ThenLeafBeatsTopLevel()
    {
        var admin = await Node.DirectoryAsAsync("admin");
        var housing = (await admin.UpsertDepartmentAsync(new UpsertDepartmentRequest { Department = new Department { Code = "HOUSING", Name = "Housing office" } })).Department.Id;
        await admin.UpsertRoutingRuleAsync(new UpsertRoutingRuleRequest { Rule = new RoutingRule { CategoryCode = "0201", DepartmentId = SafetyId } });
        await admin.UpsertRoutingRuleAsync(new UpsertRoutingRuleRequest { Rule = new RoutingRule { CategoryCode = "02", GridId = Grid2, DepartmentId = housing } });

        // Grid 1: the leaf's any-grid rule beats the parent's. Grid 2: the parent's rule for grid 2 beats both any-grid rules.
        Assert.Equal(SafetyId, (await AcceptAsync("leaf", "0201", Grid1)).SuggestedDepartmentId);
        Assert.Equal(housing, (await AcceptAsync("grid", "0201", Grid2)).SuggestedDepartmentId);
        Assert.Equal(SanitationId, (await AcceptAsync("other leaf", "0203", Grid1)).SuggestedDepartmentId);
    }

    [Fact]
    public async Task AcceptCase_RulesAsTheyAreAtAccept_AndTheSuggestionStaysAsRecorded()
    {
        var admin = await Node.DirectoryAsAsync("admin");
        var dispatcher = await As("dispatcher");
        var reported = (await dispatcher.ReportCaseAsync(NewReport("late rule", Grid1, "0601"))).Case;
        await admin.UpsertRoutingRuleAsync(new UpsertRoutingRuleRequest { Rule = new RoutingRule { CategoryCode = "06", DepartmentId = SafetyId } });

        var accepted = (await dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version })).Case;
        await admin.DeleteRoutingRuleAsync(new DeleteRoutingRuleRequest { CategoryCode = "06" });

        Assert.Equal("", reported.SuggestedDepartmentId);
        Assert.Equal(SafetyId, accepted.SuggestedDepartmentId);
        Assert.Equal(SafetyId, (await dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = reported.Id })).Case.SuggestedDepartmentId);
    }

    [Fact]
    public async Task AssignCase_ToAnotherDepartmentThanSuggested_AssignsAndKeepsTheSuggestion()
    {
        var dispatcher = await As("dispatcher");
        var accepted = await AcceptAsync("override", "0201", Grid1);

        var assigned = (await dispatcher.AssignCaseAsync(new AssignCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version, Assignee = Safety })).Case;

        Assert.Equal(Safety, assigned.Assignee);
        Assert.Equal(SanitationId, assigned.SuggestedDepartmentId);
        var started = (await (await As("safety")).StartCaseAsync(new StartCaseRequest { CaseId = assigned.Id, ExpectedVersion = assigned.Version })).Case;
        Assert.Equal(CaseStatus.InProgress, started.Status);
    }

    [Fact]
    public async Task AcceptAsync_ThroughTheApplicationLayer_SuggestsAsTheApiDoes()
    {
        // What the dashboard calls: the same use case as AcceptCase, with the caller's identity.
        var reported = (await (await As("dispatcher")).ReportCaseAsync(NewReport("app", Grid3, "0205"))).Case;
        await using var db = await Node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>().CreateDbContextAsync();
        var dispatcher = CallerIdentity.From(await db.Users.SingleAsync(u => u.UserName == "dispatcher"));

        var accepted = await Node.Services.GetRequiredService<CaseTransitions>()
            .AcceptAsync(dispatcher, new AcceptCaseCommand(Guid.Parse(reported.Id), reported.Version, null), CancellationToken.None);

        Assert.Equal(DemoDirectory.SafetyId, accepted.SuggestedDepartmentId);
    }

    [Fact]
    public async Task UpsertRoutingRule_BadInput_StatusNamingTheProblemAndNothingWritten()
    {
        var admin = await Node.DirectoryAsAsync("admin");
        var before = await NodeFootprint.TakeAsync(Node);
        var unknownDepartment = Guid.NewGuid().ToString();
        var unknownGrid = DemoDirectory.AreaTownVillage + "999";
        Task Upsert(RoutingRule? rule) => admin.UpsertRoutingRuleAsync(new UpsertRoutingRuleRequest { Rule = rule }).ResponseAsync;

        await RpcAssert.FailsAsync("rule missing", StatusCode.InvalidArgument, () => Upsert(null), "rule:");
        await RpcAssert.FailsAsync("unknown category", StatusCode.InvalidArgument, () => Upsert(new() { CategoryCode = "0299", DepartmentId = SafetyId }), "category_code", "0299");
        await RpcAssert.FailsAsync("no category", StatusCode.InvalidArgument, () => Upsert(new() { DepartmentId = SafetyId }), "category_code");
        await RpcAssert.FailsAsync("malformed grid", StatusCode.InvalidArgument, () => Upsert(new() { CategoryCode = "02", GridId = "123", DepartmentId = SafetyId }), "rule.grid_id:");
        await RpcAssert.FailsAsync("no department", StatusCode.InvalidArgument, () => Upsert(new() { CategoryCode = "02" }), "rule.department_id:");
        await RpcAssert.FailsAsync("malformed department", StatusCode.InvalidArgument, () => Upsert(new() { CategoryCode = "02", DepartmentId = "SAFETY" }), "rule.department_id:");
        await RpcAssert.FailsAsync("unknown grid", StatusCode.NotFound, () => Upsert(new() { CategoryCode = "02", GridId = unknownGrid, DepartmentId = SafetyId }), "Grid", unknownGrid);
        await RpcAssert.FailsAsync("unknown department", StatusCode.NotFound, () => Upsert(new() { CategoryCode = "02", DepartmentId = unknownDepartment }), "Department", unknownDepartment);
        await RpcAssert.FailsAsync("unknown department of an existing rule", StatusCode.NotFound, () => Upsert(new() { CategoryCode = "0205", GridId = Grid3, DepartmentId = unknownDepartment }), unknownDepartment);

        Assert.Equal(before, await NodeFootprint.TakeAsync(Node));
    }

    [Fact]
    public async Task DeleteRoutingRule_NoSuchRuleOrBadGrid_StatusAndNothingWritten()
    {
        var admin = await Node.DirectoryAsAsync("admin");
        var before = await NodeFootprint.TakeAsync(Node);

        await RpcAssert.FailsAsync("grid rule of an any-grid category", StatusCode.NotFound, () => admin.DeleteRoutingRuleAsync(new DeleteRoutingRuleRequest { CategoryCode = "02", GridId = Grid1 }).ResponseAsync, "02", Grid1);
        await RpcAssert.FailsAsync("any-grid rule of a grid's category", StatusCode.NotFound, () => admin.DeleteRoutingRuleAsync(new DeleteRoutingRuleRequest { CategoryCode = "0205" }).ResponseAsync, "0205", "any grid");
        await RpcAssert.FailsAsync("category without rules", StatusCode.NotFound, () => admin.DeleteRoutingRuleAsync(new DeleteRoutingRuleRequest { CategoryCode = "0601" }).ResponseAsync, "0601");
        await RpcAssert.FailsAsync("malformed grid", StatusCode.InvalidArgument, () => admin.DeleteRoutingRuleAsync(new DeleteRoutingRuleRequest { CategoryCode = "02", GridId = "12345" }).ResponseAsync, "grid_id:");

        Assert.Equal(before, await NodeFootprint.TakeAsync(Node));
    }

    [Theory]
    [InlineData("dispatcher")]
    [InlineData("supervisor")]
    [InlineData("worker1")]
    [InlineData("sanitation")]
    public async Task RoutingRuleChanges_ByANonAdmin_PermissionDeniedAndNothingWritten(string userName)
    {
        var directory = await Node.DirectoryAsAsync(userName);
        var before = await NodeFootprint.TakeAsync(Node);

        await RpcAssert.FailsAsync("upsert", StatusCode.PermissionDenied, () => directory.UpsertRoutingRuleAsync(new UpsertRoutingRuleRequest { Rule = new RoutingRule { CategoryCode = "02", DepartmentId = SafetyId } }).ResponseAsync, "administrators");
        await RpcAssert.FailsAsync("delete", StatusCode.PermissionDenied, () => directory.DeleteRoutingRuleAsync(new DeleteRoutingRuleRequest { CategoryCode = "02" }).ResponseAsync, "administrators");

        Assert.Equal(before, await NodeFootprint.TakeAsync(Node));
    }

    [Theory]
    [InlineData("worker1")]
    [InlineData("sanitation")]
    public async Task ListRoutingRules_GridWorkerOrHandler_PermissionDenied(string userName)
    {
        var directory = await Node.DirectoryAsAsync(userName);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, directory.ListRoutingRulesAsync(new ListRoutingRulesRequest()), "routing rules");
    }

    /// <summary>Reported and accepted by the dispatcher (who may report in any grid).</summary>
    private async Task<Case> AcceptAsync(string requestId, string category, string grid)
    {
        var dispatcher = await As("dispatcher");
        var reported = (await dispatcher.ReportCaseAsync(NewReport(requestId, grid, category))).Case;
        return (await dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version })).Case;
    }
}

public sealed class RoutingRuleSqliteTests() : RoutingRuleTests(StorageKind.Sqlite);

public sealed class RoutingRulePostgresTests() : RoutingRuleTests(StorageKind.Postgres);
