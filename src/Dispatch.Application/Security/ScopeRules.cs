using Dispatch.Domain.Geography;

namespace Dispatch.Application.Security;

/// <summary>What a <see cref="Scope"/> lets a caller name: the grids and departments a request or a page may choose.</summary>
internal static class ScopeRules
{
    /// <summary>Whether the scope reaches the grid: a grid-bound scope only the caller's own grids, the others every grid.</summary>
    public static bool CoversGrid(this CallerIdentity caller, Scope scope, GridId grid) =>
        scope is not (Scope.OwnGrid or Scope.OwnAssignment or Scope.OwnReport) || caller.WorksIn(grid);

    /// <summary>Whether the scope reaches the department: a department-bound scope only the caller's own.</summary>
    public static bool CoversDepartment(this CallerIdentity caller, Scope scope, Guid department) =>
        scope != Scope.OwnDepartment || caller.DepartmentId == department;
}
