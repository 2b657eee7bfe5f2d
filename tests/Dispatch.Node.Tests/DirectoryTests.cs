using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Node.Tests;

/// <summary>
/// The directory: administrators list and upsert grids, departments and users; a user they create can
/// sign in and act in the scope they were given. Everyone else is PERMISSION_DENIED; bad input is
/// INVALID_ARGUMENT naming the field, unknown ids NOT_FOUND, and none of it writes anything.
/// </summary>
public abstract class DirectoryTests(StorageKind storage) : ScenarioTestBase(storage)
{
    private const string NewGrid = DemoDirectory.AreaTownVillage + "004";

    [Fact]
    public async Task ListDirectory_AsAdmin_ReturnsTheDemoDirectory()
    {
        var admin = await Node.DirectoryAsAsync("admin");

        var grids = await admin.ListGridsAsync(new ListGridsRequest());
        var departments = await admin.ListDepartmentsAsync(new ListDepartmentsRequest());
        var users = await admin.ListUsersAsync(new ListUsersRequest());
        var workers = await admin.ListUsersAsync(new ListUsersRequest { Role = Role.GridWorker });

        Assert.Equal([Grid1, Grid2, Grid3], grids.Grids.Select(g => g.Id));
        Assert.Equal(["SAFETY", "SANITATION"], departments.Departments.Select(d => d.Code));
        Assert.Equal(DemoDirectory.SanitationId.ToString(), departments.Departments.Single(d => d.Code == "SANITATION").Id);
        Assert.Equal(["admin", "dispatcher", "safety", "sanitation", "supervisor", "worker1", "worker2"], users.Users.Select(u => u.UserName));
        Assert.Equal(["worker1", "worker2"], workers.Users.Select(u => u.UserName));
        Assert.Equal([Grid1, Grid2], workers.Users[0].GridIds);
        Assert.Equal(DemoDirectory.SafetyId.ToString(), users.Users.Single(u => u.UserName == "safety").DepartmentId);
    }

    [Fact]
    public async Task ListCategories_DeadlinesOff_CatalogueWithoutDeadlines()
    {
        var categories = (await (await Node.DirectoryAsAsync("worker1")).ListCategoriesAsync(new ListCategoriesRequest())).Categories;

        Assert.Equal(Domain.Categories.CategoryCatalogue.Default.All.Count, categories.Count);
        Assert.All(categories, c => Assert.Null(c.Deadline));
    }

    [Theory]
    [InlineData("worker1")]
    [InlineData("sanitation")]
    [InlineData("dispatcher")]
    public async Task ListGridsAndDepartments_AnySignedInUser_Allowed(string userName)
    {
        var directory = await Node.DirectoryAsAsync(userName);

        Assert.Equal(3, (await directory.ListGridsAsync(new ListGridsRequest())).Grids.Count);
        Assert.Equal(2, (await directory.ListDepartmentsAsync(new ListDepartmentsRequest())).Departments.Count);
    }

    [Fact]
    public async Task UpsertGrid_NewThenExisting_AddsThenRenames()
    {
        var admin = await Node.DirectoryAsAsync("admin");

        var added = (await admin.UpsertGridAsync(new UpsertGridRequest { Grid = new Grid { Id = NewGrid, Name = "Grid 4" } })).Grid;
        var renamed = (await admin.UpsertGridAsync(new UpsertGridRequest { Grid = new Grid { Id = Grid1, Name = "North gate" } })).Grid;

        Assert.Equal(new Grid { Id = NewGrid, Name = "Grid 4" }, added);
        Assert.Equal("North gate", renamed.Name);
        var listed = (await admin.ListGridsAsync(new ListGridsRequest())).Grids;
        Assert.Equal([Grid1, Grid2, Grid3, NewGrid], listed.Select(g => g.Id));
        Assert.Equal("North gate", listed[0].Name);
    }

    [Fact]
    public async Task UpsertDepartment_NewThenExisting_GetsAnIdThenUpdates()
    {
        var admin = await Node.DirectoryAsAsync("admin");

        var housing = (await admin.UpsertDepartmentAsync(new UpsertDepartmentRequest { Department = new Department { Code = "HOUSING", Name = "Housing office" } })).Department;
        var updated = (await admin.UpsertDepartmentAsync(new UpsertDepartmentRequest { Department = new Department { Id = housing.Id, Code = "HOUSING", Name = "Housing and building office" } })).Department;

        Assert.True(Guid.TryParse(housing.Id, out _));
        Assert.Equal(housing.Id, updated.Id);
        var listed = (await admin.ListDepartmentsAsync(new ListDepartmentsRequest())).Departments;
        Assert.Equal(["HOUSING", "SAFETY", "SANITATION"], listed.Select(d => d.Code));
        Assert.Equal("Housing and building office", listed[0].Name);
    }

    [Fact]
    public async Task UpsertUser_NewGridWorker_SignsInWithThePasswordAndActsOnlyInTheirGrids()
    {
        var admin = await Node.DirectoryAsAsync("admin");
        await admin.UpsertGridAsync(new UpsertGridRequest { Grid = new Grid { Id = NewGrid, Name = "Grid 4" } });

        var created = (await admin.UpsertUserAsync(new UpsertUserRequest
        {
            User = new User { UserName = "worker3", DisplayName = "Grid worker Zhao", Role = Role.GridWorker, GridIds = { NewGrid } },
            Password = "zhao-secret-1",
        })).User;
        var login = await new AuthService.AuthServiceClient(Node.Channel).LoginAsync(new LoginRequest { UserName = "worker3", Password = "zhao-secret-1" });
        var worker3 = await As("worker3", "zhao-secret-1");

        Assert.Equal(created.Id, login.UserId);
        Assert.Equal(Role.GridWorker, login.Role);
        Assert.Equal([NewGrid], login.GridIds);
        Assert.True((await worker3.ReportCaseAsync(NewReport("z-1", grid: NewGrid))).Created);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, worker3.ReportCaseAsync(NewReport("z-2", grid: Grid1)), Grid1);
        Assert.Contains("worker3", (await admin.ListUsersAsync(new ListUsersRequest())).Users.Select(u => u.UserName));
    }

    [Fact]
    public async Task UpsertUser_NewHandlerOfANewDepartment_WorksThatDepartmentsCases()
    {
        var admin = await Node.DirectoryAsAsync("admin");
        var housing = (await admin.UpsertDepartmentAsync(new UpsertDepartmentRequest { Department = new Department { Code = "HOUSING", Name = "Housing office" } })).Department;
        await admin.UpsertUserAsync(new UpsertUserRequest
        {
            User = new User { UserName = "housing", DisplayName = "Housing handler", Role = Role.DepartmentHandler, DepartmentId = housing.Id },
            Password = "housing-secret",
        });
        var handler = await As("housing", "housing-secret");
        var assigned = await AssignedAsync(assignee: new Assignee { Kind = AssigneeKind.Department, Id = housing.Id });

        var started = (await handler.StartCaseAsync(new StartCaseRequest { CaseId = assigned.Id, ExpectedVersion = assigned.Version })).Case;

        Assert.Equal(CaseStatus.InProgress, started.Status);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, (await As("sanitation")).GetCaseAsync(new GetCaseRequest { CaseId = assigned.Id }));
    }

    [Fact]
    public async Task UpsertUser_NewPassword_OldOneStopsWorking_AndAnUpdateWithoutPasswordKeepsIt()
    {
        var admin = await Node.DirectoryAsAsync("admin");
        var auth = new AuthService.AuthServiceClient(Node.Channel);
        var worker1 = (await admin.ListUsersAsync(new ListUsersRequest { Role = Role.GridWorker })).Users.Single(u => u.UserName == "worker1");

        await admin.UpsertUserAsync(new UpsertUserRequest { User = worker1, Password = "a-new-password" });
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, auth.LoginAsync(new LoginRequest { UserName = "worker1", Password = DemoDirectory.Password }));
        worker1.DisplayName = "Grid worker Li Wei";
        var renamed = (await admin.UpsertUserAsync(new UpsertUserRequest { User = worker1 })).User;

        Assert.Equal("Grid worker Li Wei", renamed.DisplayName);
        Assert.Equal(worker1.Id, (await auth.LoginAsync(new LoginRequest { UserName = "worker1", Password = "a-new-password" })).UserId);
    }

    [Fact]
    public async Task UpsertUser_ChangedRole_NewSignInCarriesTheNewScope()
    {
        var admin = await Node.DirectoryAsAsync("admin");
        var worker2 = (await admin.ListUsersAsync(new ListUsersRequest { Role = Role.GridWorker })).Users.Single(u => u.UserName == "worker2");
        worker2.GridIds.Add(Grid1);

        await admin.UpsertUserAsync(new UpsertUserRequest { User = worker2 });

        var login = await new AuthService.AuthServiceClient(Node.Channel).LoginAsync(new LoginRequest { UserName = "worker2", Password = DemoDirectory.Password });
        Assert.Equal([Grid3, Grid1], login.GridIds);
        Assert.True((await (await As("worker2")).ReportCaseAsync(NewReport("now-mine", grid: Grid1))).Created);
    }

    [Theory]
    [InlineData("dispatcher", "Dispatcher")]
    [InlineData("supervisor", "Supervisor")]
    [InlineData("worker1", "GridWorker")]
    [InlineData("sanitation", "DepartmentHandler")]
    public async Task DirectoryWrites_ByANonAdmin_PermissionDeniedAndNothingWritten(string userName, string role)
    {
        var directory = await Node.DirectoryAsAsync(userName);
        var before = await NodeFootprint.TakeAsync(Node);

        await RpcAssert.FailsAsync($"UpsertGrid as {role}", StatusCode.PermissionDenied, () => directory.UpsertGridAsync(new UpsertGridRequest { Grid = new Grid { Id = Grid1, Name = "Taken over" } }).ResponseAsync, "administrators");
        await RpcAssert.FailsAsync($"UpsertDepartment as {role}", StatusCode.PermissionDenied, () => directory.UpsertDepartmentAsync(new UpsertDepartmentRequest { Department = new Department { Code = "ROGUE", Name = "Rogue unit" } }).ResponseAsync, "administrators");
        await RpcAssert.FailsAsync($"UpsertUser as {role}", StatusCode.PermissionDenied, () => directory.UpsertUserAsync(new UpsertUserRequest { User = new User { UserName = "rogue", DisplayName = "Rogue", Role = Role.Admin }, Password = "rogue-password" }).ResponseAsync, "administrators");
        await RpcAssert.FailsAsync($"ListUsers as {role}", StatusCode.PermissionDenied, () => directory.ListUsersAsync(new ListUsersRequest()).ResponseAsync, "administrators");

        Assert.Equal(before, await NodeFootprint.TakeAsync(Node));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, new AuthService.AuthServiceClient(Node.Channel).LoginAsync(new LoginRequest { UserName = "rogue", Password = "rogue-password" }));
    }

    [Fact]
    public async Task UpsertUser_NonAdminPromotingThemselves_PermissionDenied()
    {
        var directory = await Node.DirectoryAsAsync("dispatcher");
        var login = await new AuthService.AuthServiceClient(Node.Channel).LoginAsync(new LoginRequest { UserName = "dispatcher", Password = DemoDirectory.Password });
        var before = await NodeFootprint.TakeAsync(Node);

        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied,
            directory.UpsertUserAsync(new UpsertUserRequest { User = new User { Id = login.UserId, UserName = "dispatcher", DisplayName = "Me", Role = Role.Admin } }));

        Assert.Equal(before, await NodeFootprint.TakeAsync(Node));
    }

    [Theory]
    [InlineData("123", "grid.id")]
    [InlineData("", "grid.id")]
    [InlineData("11010500100100x", "grid.id")]
    public async Task UpsertGrid_BadGridId_InvalidArgumentNamingTheFieldAndNothingWritten(string gridId, string field)
    {
        var admin = await Node.DirectoryAsAsync("admin");
        var before = await NodeFootprint.TakeAsync(Node);

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, admin.UpsertGridAsync(new UpsertGridRequest { Grid = new Grid { Id = gridId, Name = "Grid X" } }), field);

        Assert.StartsWith(field + ":", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await NodeFootprint.TakeAsync(Node));
    }

    [Fact]
    public async Task DirectoryUpserts_BadFields_InvalidArgumentNamingTheFieldAndNothingWritten()
    {
        var admin = await Node.DirectoryAsAsync("admin");
        var before = await NodeFootprint.TakeAsync(Node);
        var worker = new User { UserName = "worker3", DisplayName = "Grid worker Zhao", Role = Role.GridWorker, GridIds = { Grid3 } };

        await RpcAssert.FailsAsync("grid missing", StatusCode.InvalidArgument, () => admin.UpsertGridAsync(new UpsertGridRequest()).ResponseAsync, "grid:");
        await RpcAssert.FailsAsync("grid without name", StatusCode.InvalidArgument, () => admin.UpsertGridAsync(new UpsertGridRequest { Grid = new Grid { Id = NewGrid } }).ResponseAsync, "name");
        await RpcAssert.FailsAsync("grid renamed to 101 characters", StatusCode.InvalidArgument, () => admin.UpsertGridAsync(new UpsertGridRequest { Grid = new Grid { Id = Grid1, Name = new string('g', 101) } }).ResponseAsync, "name");
        await RpcAssert.FailsAsync("department missing", StatusCode.InvalidArgument, () => admin.UpsertDepartmentAsync(new UpsertDepartmentRequest()).ResponseAsync, "department:");
        await RpcAssert.FailsAsync("department without code", StatusCode.InvalidArgument, () => admin.UpsertDepartmentAsync(new UpsertDepartmentRequest { Department = new Department { Name = "Housing" } }).ResponseAsync, "code");
        await RpcAssert.FailsAsync("department with malformed id", StatusCode.InvalidArgument, () => admin.UpsertDepartmentAsync(new UpsertDepartmentRequest { Department = new Department { Id = "HOUSING", Code = "HOUSING", Name = "Housing" } }).ResponseAsync, "department.id:");
        await RpcAssert.FailsAsync("user missing", StatusCode.InvalidArgument, () => admin.UpsertUserAsync(new UpsertUserRequest { Password = "long-enough" }).ResponseAsync, "user:");
        await RpcAssert.FailsAsync("password of 7 characters", StatusCode.InvalidArgument, () => admin.UpsertUserAsync(new UpsertUserRequest { User = worker, Password = "short-7" }).ResponseAsync, "password:", "8");
        await RpcAssert.FailsAsync("password of 257 characters", StatusCode.InvalidArgument, () => admin.UpsertUserAsync(new UpsertUserRequest { User = worker, Password = new string('p', 257) }).ResponseAsync, "password:");
        await RpcAssert.FailsAsync("new user without password", StatusCode.InvalidArgument, () => admin.UpsertUserAsync(new UpsertUserRequest { User = worker }).ResponseAsync, "password:", "required");
        await RpcAssert.FailsAsync("user with malformed grid id", StatusCode.InvalidArgument, () => admin.UpsertUserAsync(new UpsertUserRequest { User = new User(worker) { GridIds = { "12345" } }, Password = "long-enough" }).ResponseAsync, "user.grid_ids[1]:", "'12345'");
        await RpcAssert.FailsAsync("grid worker without grid", StatusCode.InvalidArgument, () => admin.UpsertUserAsync(new UpsertUserRequest { User = new User { UserName = "worker3", DisplayName = "Zhao", Role = Role.GridWorker }, Password = "long-enough" }).ResponseAsync, "grid_ids");
        await RpcAssert.FailsAsync("handler without department", StatusCode.InvalidArgument, () => admin.UpsertUserAsync(new UpsertUserRequest { User = new User { UserName = "housing", DisplayName = "Housing", Role = Role.DepartmentHandler }, Password = "long-enough" }).ResponseAsync, "department_id");
        await RpcAssert.FailsAsync("user with malformed department id", StatusCode.InvalidArgument, () => admin.UpsertUserAsync(new UpsertUserRequest { User = new User { UserName = "housing", DisplayName = "Housing", Role = Role.DepartmentHandler, DepartmentId = "HOUSING" }, Password = "long-enough" }).ResponseAsync, "user.department_id:");
        await RpcAssert.FailsAsync("user without role", StatusCode.InvalidArgument, () => admin.UpsertUserAsync(new UpsertUserRequest { User = new User { UserName = "nobody", DisplayName = "Nobody" }, Password = "long-enough" }).ResponseAsync, "role");
        await RpcAssert.FailsAsync("user name with a space", StatusCode.InvalidArgument, () => admin.UpsertUserAsync(new UpsertUserRequest { User = new User(worker) { UserName = "worker 3" }, Password = "long-enough" }).ResponseAsync, "user_name");

        Assert.Equal(before, await NodeFootprint.TakeAsync(Node));
    }

    [Fact]
    public async Task DirectoryUpserts_UnknownIds_NotFoundNamingTheIdAndNothingWritten()
    {
        var admin = await Node.DirectoryAsAsync("admin");
        var before = await NodeFootprint.TakeAsync(Node);
        var unknown = Guid.NewGuid().ToString();
        var unknownGrid = DemoDirectory.AreaTownVillage + "999";

        await RpcAssert.FailsAsync("department id", StatusCode.NotFound, () => admin.UpsertDepartmentAsync(new UpsertDepartmentRequest { Department = new Department { Id = unknown, Code = "HOUSING", Name = "Housing" } }).ResponseAsync, unknown);
        await RpcAssert.FailsAsync("user id", StatusCode.NotFound, () => admin.UpsertUserAsync(new UpsertUserRequest { User = new User { Id = unknown, UserName = "ghost", DisplayName = "Ghost", Role = Role.Supervisor } }).ResponseAsync, unknown);
        await RpcAssert.FailsAsync("handler's department", StatusCode.NotFound, () => admin.UpsertUserAsync(new UpsertUserRequest { User = new User { UserName = "housing", DisplayName = "Housing", Role = Role.DepartmentHandler, DepartmentId = unknown }, Password = "long-enough" }).ResponseAsync, unknown);
        await RpcAssert.FailsAsync("worker's grid", StatusCode.NotFound, () => admin.UpsertUserAsync(new UpsertUserRequest { User = new User { UserName = "worker9", DisplayName = "Nine", Role = Role.GridWorker, GridIds = { unknownGrid } }, Password = "long-enough" }).ResponseAsync, unknownGrid);

        Assert.Equal(before, await NodeFootprint.TakeAsync(Node));
    }

    [Fact]
    public async Task DirectoryUpserts_TakenUserNameOrDepartmentCode_AlreadyExistsNamingItAndNothingWritten()
    {
        var admin = await Node.DirectoryAsAsync("admin");
        var before = await NodeFootprint.TakeAsync(Node);

        await RpcAssert.FailsAsync(
            "user name",
            StatusCode.AlreadyExists,
            () => admin.UpsertUserAsync(new UpsertUserRequest { User = new User { UserName = "worker1", DisplayName = "Impostor", Role = Role.Admin }, Password = "long-enough" }).ResponseAsync,
            "worker1");
        await RpcAssert.FailsAsync(
            "department code",
            StatusCode.AlreadyExists,
            () => admin.UpsertDepartmentAsync(new UpsertDepartmentRequest { Department = new Department { Code = "SAFETY", Name = "Second safety team" } }).ResponseAsync,
            "SAFETY");

        Assert.Equal(before, await NodeFootprint.TakeAsync(Node));
        var auth = new AuthService.AuthServiceClient(Node.Channel);
        Assert.Equal(Role.GridWorker, (await auth.LoginAsync(new LoginRequest { UserName = "worker1", Password = DemoDirectory.Password })).Role);
    }
}

public sealed class DirectorySqliteTests() : DirectoryTests(StorageKind.Sqlite);

public sealed class DirectoryPostgresTests() : DirectoryTests(StorageKind.Postgres);
