using Dispatch.Data;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Cases;

/// <summary>
/// The department the routing rules suggest for a case being accepted: the rules that could apply (its category or
/// that category's parent, its grid or any grid: at most four) in one lookup on the rules' key, in the accepting
/// transaction, so a rule changed by any replica counts from its commit on; the domain picks the most specific.
/// </summary>
internal static class RoutingSuggestions
{
    public static async Task<Guid?> ForAsync(DispatchDbContext context, Case @case, CategoryCatalogue catalogue)
    {
        var categories = RoutingRuleChooser.CandidateCategories(@case.CategoryCode, catalogue);
        var rules = new List<RoutingRule>(4);
        await foreach (var rule in CandidateRules.For(context)(context, categories[0], categories[^1], @case.GridId.Value))
        {
            rules.Add(rule);
        }

        return RoutingRuleChooser.MostSpecific(rules, @case.CategoryCode, @case.GridId, catalogue)?.DepartmentId;
    }

    // Compiled, as every accept runs it.
    private static readonly CompiledQuery<Func<DispatchDbContext, string, string, string, IAsyncEnumerable<RoutingRule>>> CandidateRules = new(() => EF.CompileAsyncQuery(
        (DispatchDbContext context, string category, string parent, string grid) => context.RoutingRules.AsNoTracking()
            .Where(r => (r.CategoryCode == category || r.CategoryCode == parent) && (r.GridScope == grid || r.GridScope == RoutingRule.AnyGrid))));
}
