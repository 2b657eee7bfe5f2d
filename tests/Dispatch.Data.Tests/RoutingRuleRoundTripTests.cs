using Dispatch.Data.Tests.Infrastructure;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data.Tests;

/// <summary>
/// Routing rules read back as written; a category has at most one rule per grid and one for any grid (stored as an
/// empty grid scope, not NULL, so the key holds for the any-grid rule too).
/// </summary>
public sealed class RoutingRuleRoundTripTests
{
    private static readonly GridId North = GridId.Parse("110101001002001");

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_AnyGridAndGridRulesOfOneCategory_ReadBackAndChange(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var sanitation = new Department(Guid.NewGuid(), "SANITATION", "Sanitation team");
        var safety = new Department(Guid.NewGuid(), "SAFETY", "Safety team");
        await using (var context = database.CreateContext())
        {
            context.Departments.AddRange(sanitation, safety);
            context.RoutingRules.AddRange(Rule("02", null, sanitation.Id), Rule("02", North, safety.Id));
            await context.SaveChangesAsync();
        }

        await using (var context = database.CreateContext())
        {
            (await context.RoutingRules.SingleAsync(r => r.GridScope == RoutingRule.AnyGrid)).RouteTo(safety.Id);
            await context.SaveChangesAsync();
        }

        await using var reader = database.CreateContext();
        var read = (await reader.RoutingRules.ToListAsync()).OrderBy(r => r.GridScope, StringComparer.Ordinal).Select(r => (r.CategoryCode, r.GridId, r.DepartmentId));
        Assert.Equal([("02", (GridId?)null, safety.Id), ("02", North, safety.Id)], read);
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_SecondAnyGridRuleOfACategory_IsAUniqueViolation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var department = new Department(Guid.NewGuid(), "SANITATION", "Sanitation team");
        await using (var context = database.CreateContext())
        {
            context.Departments.Add(department);
            context.RoutingRules.Add(Rule("0201", null, department.Id));
            await context.SaveChangesAsync();
        }

        // A second context, as a second administrator (or replica) would be: its change tracker knows nothing of the first rule.
        await using var second = database.CreateContext();
        second.RoutingRules.Add(Rule("0201", null, department.Id));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
        Assert.True(error.IsUniqueViolation());
    }

    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task SaveChanges_RuleForAnUnknownDepartment_Fails(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var context = database.CreateContext();
        context.RoutingRules.Add(Rule("02", null, Guid.NewGuid()));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.False(error.IsUniqueViolation());
    }

    private static RoutingRule Rule(string category, GridId? grid, Guid department) =>
        new(category, grid, department, CategoryCatalogue.Default);
}
