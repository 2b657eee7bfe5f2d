using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Geography;
using static Dispatch.Application.Security.PermissionTable;

namespace Dispatch.Application.Cases;

/// <summary>
/// The case rows of the <see cref="PermissionTable"/> applied to a case: the role may take the operation, and the
/// case lies within the role's scope (own grid, own assignment, own report, own department, the node). Every front end
/// goes through here, before the case's own rules are asked.
/// </summary>
internal static class CasePermissions
{
    public static Permission RowOf(CaseOperation operation) => Of(CaseService, operation switch
    {
        CaseOperation.Report => "ReportCase",
        CaseOperation.Read => "GetCase",
        CaseOperation.List => "ListCases",
        CaseOperation.Watch => "WatchCases",
        CaseOperation.Accept => "AcceptCase",
        CaseOperation.Reject => "RejectCase",
        CaseOperation.Assign => "AssignCase",
        CaseOperation.Start => "StartCase",
        CaseOperation.Resolve => "ResolveCase",
        CaseOperation.Verify => "VerifyCase",
        CaseOperation.Defer => "DeferCase",
        CaseOperation.Resume => "ResumeCase",
        CaseOperation.Reopen => "ReopenCase",
        CaseOperation.Rate => "RateCase",
        CaseOperation.Merge => "MergeCase",
        CaseOperation.Escalate => "EscalateCase",
        CaseOperation.ReturnEscalation => "ReturnEscalation",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    });

    public static void EnsureCanReport(CallerIdentity caller, GridId grid)
    {
        if (!caller.CoversGrid(RowOf(CaseOperation.Report).Require(caller), grid))
        {
            throw new AccessDeniedException($"Grid {grid.Value} is not one of your grids.");
        }
    }

    public static void EnsureCanRead(CallerIdentity caller, Case @case) => EnsureCanAct(caller, @case, CaseOperation.Read);

    /// <summary>Checks an operation on a case: the role may take it, and the case is within the role's scope for it.</summary>
    public static void EnsureCanAct(CallerIdentity caller, Case @case, CaseOperation operation)
    {
        if (Refusal(caller, @case, operation) is { } refusal)
        {
            throw new AccessDeniedException(refusal);
        }
    }

    /// <summary>Whether <see cref="EnsureCanAct"/> would let the caller take the operation: the same rules, answered.</summary>
    public static bool CanAct(CallerIdentity caller, Case @case, CaseOperation operation) => Refusal(caller, @case, operation) is null;

    /// <summary>Listing and watching: any role may; what each sees is its scope (<see cref="CaseQueries.Scope"/>).</summary>
    public static Scope EnsureCanList(CallerIdentity caller) => RowOf(CaseOperation.List).Require(caller);

    /// <summary>Watching the feed: any role may; each sees the events of the cases in its scope (<see cref="Sees"/>).</summary>
    public static Scope EnsureCanWatch(CallerIdentity caller) => RowOf(CaseOperation.Watch).Require(caller);

    /// <summary>Whether a case in the grid with the assignee lies in a listing scope (what lists and feeds show).</summary>
    public static bool Sees(CallerIdentity caller, Scope scope, GridId grid, Assignee? assignee) => scope switch
    {
        Scope.Node => true,
        Scope.OwnDepartment => assignee is { Kind: AssigneeKind.Department } a && a.Id == caller.DepartmentId,
        Scope.OwnGrid => caller.WorksIn(grid),
        _ => false,
    };

    /// <summary>A list filtered on a grid or an assignee outside the caller's scope is refused, as reading that grid's case would be.</summary>
    public static void EnsureCanList(CallerIdentity caller, GridId? grid, Assignee? assignee)
    {
        var scope = EnsureCanList(caller);
        if (grid is { } g && !caller.CoversGrid(scope, g))
        {
            throw new AccessDeniedException($"Grid {g.Value} is not one of your grids.");
        }

        if (scope == Scope.OwnDepartment && assignee is { } a && (a.Kind != AssigneeKind.Department || !caller.CoversDepartment(scope, a.Id)))
        {
            throw new AccessDeniedException("You see only the cases assigned to your department.");
        }
    }

    /// <summary>Why the caller may not take the operation on the case; null when they may.</summary>
    private static string? Refusal(CallerIdentity caller, Case @case, CaseOperation operation)
    {
        var row = RowOf(operation);
        if (row.ScopeOf(caller.Role) is not { } scope)
        {
            return row.RoleRefusal(caller.Role);
        }

        return scope switch
        {
            Scope.Node => null,
            Scope.OwnDepartment => IsAssignedToDepartmentOf(caller, @case) ? null : $"Case {@case.Number} is not assigned to your department.",
            _ when !caller.CoversGrid(scope, @case.GridId) => $"Case {@case.Number} is outside your scope.",
            Scope.OwnAssignment when !IsAssignedTo(caller, @case) => $"Case {@case.Number} is not assigned to you.",
            Scope.OwnReport when @case.ReporterId != caller.UserId => $"Case {@case.Number} was reported by someone else: its reporter verifies it.",
            Scope.OwnGrid or Scope.OwnAssignment or Scope.OwnReport => null,
            _ => $"Case {@case.Number} is outside your scope.",
        };
    }

    private static bool IsAssignedTo(CallerIdentity caller, Case @case) =>
        @case.Assignee is { Kind: AssigneeKind.Worker } assignee && assignee.Id == caller.UserId;

    private static bool IsAssignedToDepartmentOf(CallerIdentity caller, Case @case) =>
        caller.DepartmentId is { } department &&
        @case.Assignee is { Kind: AssigneeKind.Department } assignee &&
        assignee.Id == department;
}
