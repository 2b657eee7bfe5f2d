using Dispatch.Domain.Directory;
using Dispatch.Domain.Directory.Rules;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Directory;

public sealed class UserTests
{
    private static readonly GridId Grid1 = GridId.Parse("110105001002003");
    private static readonly GridId Grid2 = GridId.Parse("110105001002004");

    [Fact]
    public void Create_GridWorker_KeepsGridsWithoutDuplicates()
    {
        var user = new User(Actors.Worker, "li.wei", "Li Wei", Role.GridWorker, "hash", [Grid1, Grid2, Grid1]);

        Assert.Equal("li.wei", user.UserName);
        Assert.Equal("Li Wei", user.DisplayName);
        Assert.Equal(Role.GridWorker, user.Role);
        Assert.Equal("hash", user.PasswordHash);
        Assert.Equal([Grid1, Grid2], user.GridIds);
        Assert.Null(user.DepartmentId);
    }

    [Fact]
    public void Create_DepartmentHandler_KeepsTheDepartment()
    {
        var user = new User(Actors.Worker, "wang.fang", "Wang Fang", Role.DepartmentHandler, "hash", departmentId: Actors.SanitationDepartment);

        Assert.Equal(Actors.SanitationDepartment, user.DepartmentId);
        Assert.Empty(user.GridIds);
    }

    [Fact]
    public void Create_GridWorkerWithoutGrid_BreaksGridWorkerMustHaveAGrid()
    {
        var error = DomainAssert.RejectsInput("gridIds", () => new User(Actors.Worker, "li.wei", "Li Wei", Role.GridWorker, "hash"));

        Assert.Equal(nameof(GridWorkerMustHaveAGrid), error.Rule);
    }

    [Fact]
    public void Create_DispatcherWithGrid_BreaksOnlyGridWorkersHaveGrids()
    {
        var error = DomainAssert.RejectsInput("gridIds", () => new User(Actors.Dispatcher, "zhao", "Zhao", Role.Dispatcher, "hash", [Grid1]));

        Assert.Equal(nameof(OnlyGridWorkersHaveGrids), error.Rule);
    }

    [Fact]
    public void Create_HandlerWithoutDepartment_BreaksDepartmentHandlerMustHaveADepartment()
    {
        var error = DomainAssert.RejectsInput("departmentId", () => new User(Actors.Worker, "wang", "Wang", Role.DepartmentHandler, "hash"));

        Assert.Equal(nameof(DepartmentHandlerMustHaveADepartment), error.Rule);
    }

    [Fact]
    public void Create_SupervisorWithDepartment_BreaksOnlyDepartmentHandlersHaveADepartment()
    {
        var error = DomainAssert.RejectsInput("departmentId",
            () => new User(Actors.Verifier, "sun", "Sun", Role.Supervisor, "hash", departmentId: Actors.SanitationDepartment));

        Assert.Equal(nameof(OnlyDepartmentHandlersHaveADepartment), error.Rule);
    }

    [Theory]
    [InlineData("", "Name", "hash", "userName")]
    [InlineData("li wei", "Name", "hash", "userName")]
    [InlineData("li", "", "hash", "displayName")]
    [InlineData("li", "Name", "", "passwordHash")]
    public void Create_MissingOrMalformedText_IsRejected(string userName, string displayName, string hash, string field)
    {
        DomainAssert.RejectsInput(field, () => new User(Actors.Dispatcher, userName, displayName, Role.Admin, hash));
    }

    [Fact]
    public void Create_UndefinedRoleOrEmptyId_IsRejected()
    {
        DomainAssert.RejectsInput("role", () => new User(Actors.Dispatcher, "x", "X", default, "hash"));
        DomainAssert.RejectsInput("id", () => new User(Guid.Empty, "x", "X", Role.Admin, "hash"));
        DomainAssert.RejectsInput("userName", () => new User(Actors.Dispatcher, new string('u', 65), "X", Role.Admin, "hash"));
    }

    [Fact]
    public void ChangeRole_WorkerToHandler_ReplacesTheScope()
    {
        var user = new User(Actors.Worker, "li.wei", "Li Wei", Role.GridWorker, "hash", [Grid1]);

        user.ChangeRole(Role.DepartmentHandler, departmentId: Actors.SanitationDepartment);

        Assert.Equal(Role.DepartmentHandler, user.Role);
        Assert.Empty(user.GridIds);
        Assert.Equal(Actors.SanitationDepartment, user.DepartmentId);
    }

    [Fact]
    public void ChangeRole_Invalid_ChangesNothing()
    {
        var user = new User(Actors.Worker, "li.wei", "Li Wei", Role.GridWorker, "hash", [Grid1]);

        DomainAssert.RejectsInput("departmentId", () => user.ChangeRole(Role.DepartmentHandler));

        Assert.Equal(Role.GridWorker, user.Role);
        Assert.Equal([Grid1], user.GridIds);
    }

    [Fact]
    public void RenameAndChangePasswordHash_ValidText_Apply()
    {
        var user = new User(Actors.Dispatcher, "zhao", "Zhao", Role.Dispatcher, "old");

        user.Rename("Zhao Lei");
        user.ChangePasswordHash("new");

        Assert.Equal("Zhao Lei", user.DisplayName);
        Assert.Equal("new", user.PasswordHash);
        DomainAssert.RejectsInput("passwordHash", () => user.ChangePasswordHash(" "));
        Assert.Equal("new", user.PasswordHash);
    }
}
