using Dispatch.Domain.Categories;
using Dispatch.Domain.Geography;

namespace Dispatch.Domain.Routing;

/// <summary>
/// Picks the rule that routes a case: among the rules on the case's category or its top-level parent, in the case's
/// grid or in any grid, the most specific wins. The grid counts first (a rule for the case's grid beats one for any
/// grid), then the category (a rule on the leaf beats one on its parent).
/// </summary>
public static class RoutingRuleChooser
{
    /// <summary>The categories whose rules may route a case of <paramref name="categoryCode"/>: itself, then its parent.</summary>
    public static IReadOnlyList<string> CandidateCategories(string categoryCode, CategoryCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return catalogue.ParentOf(categoryCode) is { } parent ? [categoryCode, parent.Code] : [categoryCode];
    }

    /// <summary>The most specific of <paramref name="rules"/> that applies to the case's category and grid; null if none does.</summary>
    public static RoutingRule? MostSpecific(IEnumerable<RoutingRule> rules, string categoryCode, GridId gridId, CategoryCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(gridId);
        var categories = CandidateCategories(categoryCode, catalogue);
        RoutingRule? best = null;
        var bestRank = -1;
        foreach (var rule in rules)
        {
            var category = IndexOf(categories, rule.CategoryCode);
            if (category < 0 || !(rule.AppliesToAnyGrid || rule.GridScope == gridId.Value))
            {
                continue;
            }

            // Grid before category: 3 = this grid and the leaf, 2 = this grid and the parent, 1 = any grid and the leaf.
            var rank = (rule.AppliesToAnyGrid ? 0 : 2) + (category == 0 ? 1 : 0);
            if (rank > bestRank)
            {
                (best, bestRank) = (rule, rank);
            }
        }

        return best;
    }

    private static int IndexOf(IReadOnlyList<string> categories, string code)
    {
        for (var i = 0; i < categories.Count; i++)
        {
            if (string.Equals(categories[i], code, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
