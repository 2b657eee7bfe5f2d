using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Directory;

/// <summary>
/// The node's routing rules (分类派单): which department a case of a category and grid is suggested to when it is
/// accepted. The command centre (dispatchers, supervisors) and administrators list them; administrators set and
/// delete them. A change counts for the next accept, on every replica (accept reads the rules in its transaction).
/// </summary>
internal sealed class RoutingRuleDirectory(DirectoryStore store, CategoryCatalogue catalogue)
{
    /// <summary>Every rule, by category code, the any-grid rule of a category before its grids' rules.</summary>
    public async Task<IReadOnlyList<RoutingRule>> ListAsync(CallerIdentity caller, CancellationToken cancellationToken)
    {
        await using var db = await store.OpenAsync(caller, "ListRoutingRules", cancellationToken);
        var rules = await db.RoutingRules.AsNoTracking().ToListAsync(cancellationToken);
        return rules.OrderBy(r => r.CategoryCode, StringComparer.Ordinal).ThenBy(r => r.GridScope, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Adds the rule, or routes the existing rule for the category and grid to the department. An unknown category is
    /// INVALID_ARGUMENT; an unknown grid or department NOT_FOUND.
    /// </summary>
    public async Task<RoutingRule> UpsertAsync(CallerIdentity caller, UpsertRoutingRuleCommand request, CancellationToken cancellationToken)
    {
        await using var db = await store.OpenAsync(caller, "UpsertRoutingRule", cancellationToken);
        var candidate = new RoutingRule(request.CategoryCode, request.GridId, request.DepartmentId, catalogue);
        await DirectoryStore.EnsureExistAsync(db, request.GridId is { } grid ? [grid] : [], request.DepartmentId, cancellationToken);
        var rule = await FindAsync(db, candidate.CategoryCode, candidate.GridScope, cancellationToken);
        if (rule is null)
        {
            rule = candidate;
            db.RoutingRules.Add(rule);
        }
        else
        {
            rule.RouteTo(request.DepartmentId);
        }

        await DirectoryStore.SaveAsync(db, $"A routing rule for {Describe(request.CategoryCode, request.GridId)} was added meanwhile; list the rules and retry.", cancellationToken);
        return rule;
    }

    /// <summary>Removes the rule for the category and grid; NOT_FOUND when there is none.</summary>
    public async Task DeleteAsync(CallerIdentity caller, DeleteRoutingRuleCommand request, CancellationToken cancellationToken)
    {
        await using var db = await store.OpenAsync(caller, "DeleteRoutingRule", cancellationToken);
        var rule = await FindAsync(db, request.CategoryCode, RoutingRule.ScopeOf(request.GridId), cancellationToken)
            ?? throw new NotFoundException("Routing rule", Describe(request.CategoryCode, request.GridId));
        db.RoutingRules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Task<RoutingRule?> FindAsync(Data.DispatchDbContext db, string categoryCode, string gridScope, CancellationToken cancellationToken) =>
        db.RoutingRules.FirstOrDefaultAsync(r => r.CategoryCode == categoryCode && r.GridScope == gridScope, cancellationToken);

    private static string Describe(string categoryCode, GridId? grid) =>
        $"category {categoryCode} in {(grid is null ? "any grid" : "grid " + grid.Value)}";
}
