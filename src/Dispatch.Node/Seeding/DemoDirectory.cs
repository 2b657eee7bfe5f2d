using Dispatch.Data;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Routing;
using Dispatch.Node.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Seeding;

/// <summary>
/// The demo directory of the local default: three grids (each with an extent, so Open311 reports find them), two departments, one user per role (all with the
/// demo password) and routing rules that suggest a department for sanitation, street order and one grid's
/// construction waste. Seeded once, into an empty directory, when Node:SeedDemo is on.
/// </summary>
internal sealed class DemoDirectory(IDbContextFactory<DispatchDbContext> contexts, IPasswordHasher<User> hasher, IOptions<NodeOptions> options, CategoryCatalogue catalogue)
{
    public const string Password = "dispatch-demo";
    public const string AreaTownVillage = "110105001001";

    public static readonly Guid SanitationId = Guid.Parse("5a000000-0000-4000-8000-000000000001");
    public static readonly Guid SafetyId = Guid.Parse("5a000000-0000-4000-8000-000000000002");

    /// <summary>Seeds an empty directory; leaves one that has users alone.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemo)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var grids = Enumerable.Range(1, 3).Select(i => GridId.Parse($"{AreaTownVillage}{i:000}")).ToArray();
        db.Grids.AddRange(grids.Select((g, i) => DemoGrid(g, $"Grid {i + 1}", Extents[i])));
        db.Departments.Add(new Department(SanitationId, "SANITATION", "Sanitation team"));
        db.Departments.Add(new Department(SafetyId, "SAFETY", "Safety and law enforcement team"));
        var users = Accounts.Select(a => NewUser(a, grids)).ToArray();
        db.Users.AddRange(users);
        db.RoutingRules.AddRange(
            new RoutingRule("02", null, SanitationId, catalogue),     // sanitation, in any grid
            new RoutingRule("03", null, SafetyId, catalogue),         // street order: the law enforcement team
            new RoutingRule("0205", grids[2], SafetyId, catalogue));  // dumped construction waste in grid 3: enforcement too
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The demo grids' extents, side by side in Beijing's Chaoyang district (the demo area code's): grids 1 and 2 split
    /// the southern half of a block, grid 3 is its northern half. A point in grid 1: 39.9215, 116.4420.
    /// </summary>
    public static readonly IReadOnlyList<GeoBox> Extents =
    [
        GeoBox.Create(39.920, 116.440, 39.925, 116.445),
        GeoBox.Create(39.920, 116.445, 39.925, 116.450),
        GeoBox.Create(39.925, 116.440, 39.930, 116.450),
    ];

    private static Grid DemoGrid(GridId id, string name, GeoBox extent)
    {
        var grid = new Grid(id, name);
        grid.ChangeExtent(extent);
        return grid;
    }

    /// <summary>One demo account: its grids are positions in the demo grids (0 = grid 1).</summary>
    public sealed record Account(string Name, string DisplayName, Role Role, int[] Grids, Guid? Department, string Description);

    /// <summary>The demo accounts, one per role (two grid workers, two department handlers), all with <see cref="Password"/>.</summary>
    public static readonly IReadOnlyList<Account> Accounts =
    [
        new("worker1", "Grid worker Li (grids 1, 2)", Role.GridWorker, [0, 1], null, "grid worker, grids ...001 and ...002"),
        new("worker2", "Grid worker Wang (grid 3)", Role.GridWorker, [2], null, "grid worker, grid ...003"),
        new("dispatcher", "Command centre dispatcher", Role.Dispatcher, [], null, "dispatcher"),
        new("sanitation", "Sanitation handler", Role.DepartmentHandler, [], SanitationId, "sanitation department"),
        new("safety", "Safety handler", Role.DepartmentHandler, [], SafetyId, "safety department"),
        new("supervisor", "Supervisor", Role.Supervisor, [], null, "supervisor"),
        new("admin", "Administrator", Role.Admin, [], null, "administrator"),
    ];

    private User NewUser(Account account, GridId[] grids)
    {
        var user = new User(Guid.NewGuid(), account.Name, account.DisplayName, account.Role, "pending", account.Grids.Select(i => grids[i]).ToArray(), account.Department);
        user.ChangePasswordHash(hasher.HashPassword(user, Password));
        return user;
    }
}
