using Dispatch.Data.Tests.Infrastructure;
using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data.Tests;

/// <summary>Grids, departments and users read back as written; the directory's unique keys hold.</summary>
public sealed class DirectoryRoundTripTests
{
    private static readonly GridId North = GridId.Parse("110101001002001");
    private static readonly GridId South = GridId.Parse("110101001002002");

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_Directory_ReadsBackEveryField(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var department = new Department(Guid.NewGuid(), "SANITATION", "Sanitation team");
        var worker = new User(Guid.NewGuid(), "wang.li", "Wang Li", Role.GridWorker, "hash-1", [North, South]);
        var handler = new User(Guid.NewGuid(), "zhao.min", "Zhao Min", Role.DepartmentHandler, "hash-2", departmentId: department.Id);
        var grids = new[] { new Grid(North, "North lane"), new Grid(South, "South lane") };
        await using (var context = database.CreateContext())
        {
            context.Grids.AddRange(grids);
            context.Departments.Add(department);
            context.Users.AddRange(worker, handler);
            await context.SaveChangesAsync();
        }

        await using var reader = database.CreateContext();
        Assert.Equal(Snapshot.Of(grids), Snapshot.Of(await reader.Grids.OrderBy(g => g.Id).ToListAsync()));
        Assert.Equal(Snapshot.Of(department), Snapshot.Of(await reader.Departments.SingleAsync()));
        Assert.Equal(Snapshot.Of(worker), Snapshot.Of(await reader.Users.SingleAsync(u => u.Id == worker.Id)));
        Assert.Equal(Snapshot.Of(handler), Snapshot.Of(await reader.Users.SingleAsync(u => u.UserName == "zhao.min")));
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_ChangedUserAndGrid_ReadBackChanged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var user = new User(Guid.NewGuid(), "wang.li", "Wang Li", Role.GridWorker, "hash-1", [North]);
        var grid = new Grid(North, "North lane");
        await using (var context = database.CreateContext())
        {
            context.AddRange(user, grid);
            await context.SaveChangesAsync();
        }

        await using (var context = database.CreateContext())
        {
            var stored = await context.Users.SingleAsync();
            stored.ChangeRole(Role.GridWorker, [South, North]);
            stored.ChangePasswordHash("hash-2");
            (await context.Grids.SingleAsync()).Rename("North lane (new)");
            await context.SaveChangesAsync();
        }

        await using var reader = database.CreateContext();
        var read = await reader.Users.SingleAsync();
        Assert.Equal([South, North], read.GridIds);
        Assert.Equal("hash-2", read.PasswordHash);
        Assert.Equal("North lane (new)", (await reader.Grids.SingleAsync(g => g.Id == North)).Name);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_DuplicateUserName_IsAUniqueViolation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var context = database.CreateContext();
        context.Users.Add(new User(Guid.NewGuid(), "admin", "Admin", Role.Admin, "hash"));
        await context.SaveChangesAsync();

        context.Users.Add(new User(Guid.NewGuid(), "admin", "Another admin", Role.Admin, "hash"));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.True(error.IsUniqueViolation());
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_DeleteDepartmentWithHandlers_Fails(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var department = new Department(Guid.NewGuid(), "SAFETY", "Safety");
        await using (var context = database.CreateContext())
        {
            context.Departments.Add(department);
            context.Users.Add(new User(Guid.NewGuid(), "handler", "Handler", Role.DepartmentHandler, "hash", departmentId: department.Id));
            await context.SaveChangesAsync();
        }

        await using var deleter = database.CreateContext();
        deleter.Departments.Remove(await deleter.Departments.SingleAsync());
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => deleter.SaveChangesAsync());
        Assert.False(error.IsUniqueViolation());
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Query_UsersByGrid_TranslatesContainsOnTheGridList(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var context = database.CreateContext();
        context.Users.AddRange(
            new User(Guid.NewGuid(), "north", "North", Role.GridWorker, "hash", [North]),
            new User(Guid.NewGuid(), "both", "Both", Role.GridWorker, "hash", [South, North]),
            new User(Guid.NewGuid(), "south", "South", Role.GridWorker, "hash", [South]));
        await context.SaveChangesAsync();

        var names = await context.Users.Where(u => u.GridIds.Contains(South)).OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync();

        Assert.Equal(["both", "south"], names);
    }
}
