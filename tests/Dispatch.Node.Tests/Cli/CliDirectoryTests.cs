using Dispatch.Cli.App;
using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Google.Protobuf;

namespace Dispatch.Node.Tests.Cli;

/// <summary>
/// The directory through the tool: listings as tables (English and Chinese) and as the node's JSON, and the
/// administrators' upserts read back from the node. Tests change only their own grids, departments and users.
/// </summary>
public sealed class CliDirectoryTests(SqliteNodeFixture fixture) : IClassFixture<SqliteNodeFixture>
{
    private const string Grid1 = NodeTestBase.Grid1;

    [Fact]
    public async Task Listings_AsAdmin_TablesOfTheDirectory()
    {
        using var admin = await SignedInAsync("admin");

        var grids = await admin.RunAsync("grids");
        var departments = await admin.RunAsync("departments");
        var workers = await admin.RunAsync("users", "--role", "GridWorker");
        var categories = await admin.RunAsync("categories");

        grids.AssertOk();
        Assert.StartsWith("ID", grids.Lines[0], StringComparison.Ordinal);
        Assert.Contains(grids.Lines, l => l.StartsWith(Grid1 + "  ", StringComparison.Ordinal));
        departments.AssertOk();
        Assert.Contains(departments.Lines, l => l.StartsWith("SANITATION", StringComparison.Ordinal) && l.EndsWith(DemoDirectory.SanitationId.ToString(), StringComparison.Ordinal));
        workers.AssertOk();
        Assert.Contains(workers.Lines, l => l.StartsWith("worker1 ", StringComparison.Ordinal) && l.Contains("grid worker", StringComparison.Ordinal) && l.Contains($"{Grid1},", StringComparison.Ordinal));
        Assert.DoesNotContain(workers.Lines, l => l.StartsWith("dispatcher", StringComparison.Ordinal));
        categories.AssertOk();
        Assert.Contains(categories.Lines, l => l.StartsWith("02 ", StringComparison.Ordinal) && l.Contains("Sanitation", StringComparison.Ordinal));
        Assert.Contains(categories.Lines, l => l.StartsWith("0201 ", StringComparison.Ordinal) && l.EndsWith("by whistle", StringComparison.Ordinal));
        Assert.Contains("\n  0201 ", categories.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listings_InChinese_HeadingsAndWordsInChinese()
    {
        using var worker = await SignedInAsync("worker1", "zh");

        var categories = await worker.RunAsync("categories");
        var rules = await worker.RunAsync("--lang", "zh", "rules");

        categories.AssertOk();
        Assert.StartsWith("代码", categories.Lines[0], StringComparison.Ordinal);
        Assert.Contains("按吹哨类别", categories.Out, StringComparison.Ordinal);
        rules.AssertFailure(ExitCodes.PermissionDenied, "无权操作");
    }

    [Fact]
    public async Task Listings_Json_TheNodesResponses()
    {
        using var worker = await SignedInAsync("worker1");
        var directory = await fixture.Node.DirectoryAsAsync("worker1");

        var grids = await worker.RunAsync("grids", "--json");
        var categories = await worker.RunAsync("categories", "--json");

        grids.AssertOk();
        Assert.Equal(await directory.ListGridsAsync(new ListGridsRequest()), JsonParser.Default.Parse<ListGridsResponse>(grids.Out));
        categories.AssertOk();
        Assert.Equal(await directory.ListCategoriesAsync(new ListCategoriesRequest()), JsonParser.Default.Parse<ListCategoriesResponse>(categories.Out));
    }

    [Fact]
    public async Task GridAndDepartmentSet_AddThenChange_NodeFollows()
    {
        using var admin = await SignedInAsync("admin");
        var directory = await fixture.Node.DirectoryAsAsync("admin");
        var grid = DemoDirectory.AreaTownVillage + "041";

        (await admin.RunAsync("grid", "set", grid, "East lane")).AssertOk();
        var renamed = await admin.RunAsync("grid", "set", grid, "East lane 2");
        var added = await admin.RunAsync("department", "set", "PARKS", "Parks team");
        var changed = await admin.RunAsync("department", "set", "parks", "Parks and gardens");

        Assert.Contains($"grid {grid} saved: East lane 2", renamed.Out, StringComparison.Ordinal);
        Assert.Equal("East lane 2", (await directory.ListGridsAsync(new ListGridsRequest())).Grids.Single(g => g.Id == grid).Name);
        added.AssertOk();
        changed.AssertOk();
        var parks = (await directory.ListDepartmentsAsync(new ListDepartmentsRequest())).Departments.Single(d => d.Code == "PARKS");
        Assert.Equal("Parks and gardens", parks.Name);
        Assert.Contains(parks.Id, changed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserSet_NewUserPasswordPromptedTwice_SignsInAndLaterChangesKeepTheRest()
    {
        using var admin = await SignedInAsync("admin");
        admin.TypedPassword = "cli-secret-42";

        var created = await admin.RunAsync("user", "set", "cli-worker", "--role", "GridWorker", "--grid", $"{Grid1},{NodeTestBase.Grid3}", "--display-name", "CLI Worker");
        var renamed = await admin.RunAsync("user", "set", "cli-worker", "--display-name", "CLI Worker Two", "--json");
        var moved = await admin.RunAsync("user", "set", "cli-worker", "--role", "DepartmentHandler", "--department", "safety", "--grid", "", "--json");

        created.AssertOk();
        Assert.Equal(["new password for cli-worker: ", "repeat it: "], admin.Prompts);
        Assert.Contains("user cli-worker saved: CLI Worker, grid worker", created.Out, StringComparison.Ordinal);
        renamed.AssertOk();
        Assert.Equal([Grid1, NodeTestBase.Grid3], JsonParser.Default.Parse<UpsertUserResponse>(renamed.Out).User.GridIds);
        moved.AssertOk();
        var user = JsonParser.Default.Parse<UpsertUserResponse>(moved.Out).User;
        Assert.Equal(DemoDirectory.SafetyId.ToString(), user.DepartmentId);
        Assert.Empty(user.GridIds);
        Assert.Equal("CLI Worker Two", user.DisplayName);
        var login = await new AuthService.AuthServiceClient(fixture.Node.Channel).LoginAsync(new LoginRequest { UserName = "cli-worker", Password = "cli-secret-42" });
        Assert.Equal(Role.DepartmentHandler, login.Role);
        (await admin.RunAsync("user", "unlock", "cli-worker")).AssertOk();
    }

    [Fact]
    public async Task Rules_SetListDelete_NodeFollows()
    {
        using var admin = await SignedInAsync("admin");
        var directory = await fixture.Node.DirectoryAsAsync("admin");

        var set = await admin.RunAsync("rule", "set", "0305", "SAFETY", "--grid", Grid1);
        var listed = await admin.RunAsync("rules");
        var deleted = await admin.RunAsync("rule", "delete", "0305", "--grid", Grid1);
        var again = await admin.RunAsync("rule", "delete", "0305", "--grid", Grid1);

        set.AssertOk();
        Assert.Contains("routing rule saved: category 0305, grid " + Grid1 + " -> SAFETY", set.Out, StringComparison.Ordinal);
        Assert.Contains(listed.Lines, l => l.StartsWith("0305", StringComparison.Ordinal) && l.Contains(Grid1, StringComparison.Ordinal) && l.EndsWith("SAFETY", StringComparison.Ordinal));
        deleted.AssertOk();
        Assert.DoesNotContain((await directory.ListRoutingRulesAsync(new ListRoutingRulesRequest())).Rules, r => r.CategoryCode == "0305");
        again.AssertFailure(ExitCodes.NotFound, "not found");
    }

    [Fact]
    public async Task Upserts_BadInput_FriendlyFailureAndNothingChanged()
    {
        using var admin = await SignedInAsync("admin");
        using var worker = await SignedInAsync("worker1");
        var directory = await fixture.Node.DirectoryAsAsync("admin");
        var before = (await directory.ListUsersAsync(new ListUsersRequest())).Users.Count;
        var rulesBefore = (await directory.ListRoutingRulesAsync(new ListRoutingRulesRequest())).Rules.Count;

        (await admin.RunAsync("grid", "set", "12", "Too short")).AssertFailure(ExitCodes.Usage, "grid");
        (await admin.RunAsync("rule", "set", "0201", "NOSUCH")).AssertFailure(ExitCodes.NotFound, "NOSUCH", "dispatch departments");
        (await admin.RunAsync("rule", "set", "9999", "SAFETY")).AssertFailure(ExitCodes.Usage, "9999");
        (await admin.RunAsync("user", "set", "nobody-new", "--grid", Grid1)).AssertFailure(ExitCodes.Usage, "--role");
        (await admin.RunAsync("user", "unlock", "nobody")).AssertFailure(ExitCodes.NotFound, "nobody");
        (await admin.RunAsync("user", "set", "gridless", "--role", "GridWorker", "--grid", DemoDirectory.AreaTownVillage + "099", "--password", "long-enough-1")).AssertFailure(ExitCodes.NotFound, "099");
        (await admin.RunAsync("user", "set", "deptless", "--role", "DepartmentHandler", "--department", "NOSUCH", "--password", "long-enough-1")).AssertFailure(ExitCodes.NotFound, "NOSUCH");
        (await admin.RunAsync(["user", "set", "piped-user", "--role", "Dispatcher"], stdin: "", CancellationToken.None)).AssertFailure(ExitCodes.Usage, "password");
        (await admin.RunAsync("user", "set", "short-pass", "--role", "Dispatcher", "--password", "short")).AssertFailure(ExitCodes.Usage, "password");
        (await worker.RunAsync("grid", "set", DemoDirectory.AreaTownVillage + "042", "Not mine")).AssertFailure(ExitCodes.PermissionDenied, "not allowed");
        (await worker.RunAsync("users")).AssertFailure(ExitCodes.PermissionDenied, "not allowed");

        Assert.Equal(before, (await directory.ListUsersAsync(new ListUsersRequest())).Users.Count);
        Assert.Equal(rulesBefore, (await directory.ListRoutingRulesAsync(new ListRoutingRulesRequest())).Rules.Count);
        Assert.DoesNotContain((await directory.ListGridsAsync(new ListGridsRequest())).Grids, g => g.Id.EndsWith("042", StringComparison.Ordinal) || g.Id == "12");
    }

    private async Task<CliUser> SignedInAsync(string userName, string language = "en")
    {
        var user = new CliUser(language);
        await user.LoginAsync(fixture.Node, userName);
        return user;
    }
}
