using Dispatch.Data.Tests.Infrastructure;
using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data.Tests;

/// <summary>One compiled query serves contexts of both providers in one process, each with its own SQL.</summary>
public sealed class CompiledQueryTests
{
    private static readonly CompiledQuery<Func<DispatchDbContext, GridId, Task<string?>>> GridName = new(() => EF.CompileAsyncQuery(
        (DispatchDbContext context, GridId id) => context.Grids.Where(g => g.Id == id).Select(g => g.Name).FirstOrDefault()));

    [Fact]
    public async Task OneQuery_RunOnSqliteThenPostgresThenSqlite_EachFindsItsOwnDatabasesRow()
    {
        await using var sqlite = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var postgres = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres);
        foreach (var (database, name) in new[] { (sqlite, "Grid on SQLite"), (postgres, "Grid on PostgreSQL") })
        {
            await using var seed = database.CreateContext();
            seed.Grids.Add(new Grid(TestCases.Grid, name));
            await seed.SaveChangesAsync();
        }

        var names = new List<string?>();
        foreach (var database in new[] { sqlite, postgres, sqlite })
        {
            await using var context = database.CreateContext();
            names.Add(await GridName.For(context)(context, TestCases.Grid));
        }

        Assert.Equal(["Grid on SQLite", "Grid on PostgreSQL", "Grid on SQLite"], names);
    }
}
