using Dispatch.Application.Deadlines;
using Dispatch.Application.Security;
using Dispatch.Domain.Categories;

namespace Dispatch.Application.Directory;

/// <summary>
/// The node's category catalogue, for anyone signed in: a grid worker picks a category when reporting. The catalogue
/// is configuration held in memory (a two-level tree of a few hundred entries at most), so it is listed whole.
/// </summary>
internal sealed class CategoryDirectory(CategoryCatalogue catalogue, DeadlineSettings deadlines)
{
    /// <summary>Every category in catalogue order (each top-level category, then its subcategories).</summary>
    public IReadOnlyList<CatalogueEntry> List(CallerIdentity caller)
    {
        PermissionTable.Of(PermissionTable.DirectoryService, "ListCategories").Require(caller);
        var policy = deadlines.Policy;
        return catalogue.All.Select(c => new CatalogueEntry(c, policy?.CategoryRuleFor(c.Code))).ToList();
    }
}
