using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Common;
using Dispatch.Domain.Common.Rules;
using Dispatch.Domain.Geography;

namespace Dispatch.Domain.Routing;

/// <summary>
/// 分类派单: cases of a category (a top-level one or a leaf), in one grid or in any grid, are suggested to a
/// department when they are accepted. A category and grid have at most one rule; the command centre may still
/// assign the case elsewhere.
/// </summary>
public sealed class RoutingRule
{
    /// <summary>The <see cref="GridScope"/> of a rule that applies in every grid.</summary>
    public const string AnyGrid = "";

#pragma warning disable CS8618 // EF Core materialises rules through this constructor and sets every property.
    private RoutingRule()
    {
    }
#pragma warning restore CS8618

    public RoutingRule(string categoryCode, GridId? gridId, Guid departmentId, CategoryCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        Check.Input(new TextIsRequired("categoryCode", categoryCode));
        Check.Input(new CategoryMustBeInCatalogue("categoryCode", categoryCode, catalogue));
        Check.Input(new IdIsRequired("departmentId", departmentId));
        CategoryCode = categoryCode;
        GridScope = ScopeOf(gridId);
        DepartmentId = departmentId;
    }

    /// <summary>A code of the catalogue: a leaf (<c>0201</c>) or a top-level category (<c>02</c>, all its leaves).</summary>
    public string CategoryCode { get; private set; }

    /// <summary>
    /// The grid's 15 digits, or <see cref="AnyGrid"/>. Text that is never null, so that category and scope
    /// together identify a rule on every store (unique keys treat nulls as distinct, or leave them out).
    /// </summary>
    public string GridScope { get; private set; }

    /// <summary>The grid the rule is limited to; null when it applies in any grid.</summary>
    public GridId? GridId => AppliesToAnyGrid ? null : Geography.GridId.Parse(GridScope);

    public bool AppliesToAnyGrid => GridScope.Length == 0;

    /// <summary>The department a matching case is suggested to.</summary>
    public Guid DepartmentId { get; private set; }

    /// <summary>The <see cref="GridScope"/> of a rule for <paramref name="gridId"/> (null: any grid).</summary>
    public static string ScopeOf(GridId? gridId) => gridId?.Value ?? AnyGrid;

    /// <summary>Sends the rule's cases to another department.</summary>
    public void RouteTo(Guid departmentId)
    {
        Check.Input(new IdIsRequired("departmentId", departmentId));
        DepartmentId = departmentId;
    }
}
