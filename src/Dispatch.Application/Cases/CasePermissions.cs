using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;

namespace Dispatch.Application.Cases;

/// <summary>
/// Who may do what, in one place. Grid workers act only in their own grids; department handlers only
/// on cases assigned to their department; dispatchers run the command centre; supervisors and
/// administrators read.
/// </summary>
internal static class CasePermissions
{
    public static void EnsureCanReport(CallerIdentity caller, GridId grid)
    {
        Require(caller, CaseOperation.Report, Role.GridWorker, Role.Dispatcher);
        if (caller.Role == Role.GridWorker && !caller.WorksIn(grid))
        {
            throw new AccessDeniedException($"Grid {grid.Value} is not one of your grids.");
        }
    }

    public static void EnsureCanRead(CallerIdentity caller, Case @case)
    {
        if (ReadRefusal(caller, @case) is { } refusal)
        {
            throw new AccessDeniedException(refusal);
        }
    }

    /// <summary>Checks a change: the role may take the action, and the case is within the caller's scope.</summary>
    public static void EnsureCanAct(CallerIdentity caller, Case @case, CaseOperation action)
    {
        if (ActRefusal(caller, @case, action) is { } refusal)
        {
            throw new AccessDeniedException(refusal);
        }
    }

    /// <summary>Whether <see cref="EnsureCanAct"/> would let the caller take the action: the same rules, answered.</summary>
    public static bool CanAct(CallerIdentity caller, Case @case, CaseOperation action) => ActRefusal(caller, @case, action) is null;

    private static string? ReadRefusal(CallerIdentity caller, Case @case)
    {
        var allowed = caller.Role switch
        {
            Role.GridWorker => caller.WorksIn(@case.GridId),
            Role.DepartmentHandler => IsAssignedToDepartmentOf(caller, @case),
            _ => true,
        };
        return allowed ? null : $"Case {@case.Number} is outside your scope.";
    }

    /// <summary>Why the caller may not take the action on the case; null when they may.</summary>
    private static string? ActRefusal(CallerIdentity caller, Case @case, CaseOperation action)
    {
        Role[] roles = action switch
        {
            CaseOperation.Accept or CaseOperation.Reject or CaseOperation.Assign or CaseOperation.Defer or CaseOperation.Resume
                or CaseOperation.Reopen or CaseOperation.Merge or CaseOperation.Escalate => [Role.Dispatcher],
            CaseOperation.Start or CaseOperation.Resolve => [Role.GridWorker, Role.DepartmentHandler, Role.Dispatcher],
            CaseOperation.Verify => [Role.GridWorker, Role.Dispatcher],
            CaseOperation.Rate => [Role.GridWorker, Role.Dispatcher],
            _ => [],
        };
        if (RoleRefusal(caller, action, roles) is { } refusal)
        {
            return refusal;
        }

        if (ReadRefusal(caller, @case) is { } outOfScope)
        {
            return outOfScope;
        }

        if (caller.Role == Role.DepartmentHandler && !IsAssignedToDepartmentOf(caller, @case))
        {
            return $"Case {@case.Number} is not assigned to your department.";
        }

        // A grid worker handles what is assigned to them; a department's case is its handlers' work.
        if (caller.Role == Role.GridWorker && action is CaseOperation.Start or CaseOperation.Resolve && !IsAssignedTo(caller, @case))
        {
            return $"Case {@case.Number} is not assigned to you.";
        }

        // DESIGN: a grid worker verifies what they reported (on site); dispatchers may verify any case.
        if (caller.Role == Role.GridWorker && action == CaseOperation.Verify && @case.ReporterId != caller.UserId)
        {
            return $"Case {@case.Number} was reported by someone else: its reporter verifies it.";
        }

        return null;
    }

    public static void EnsureCanList(CallerIdentity caller) =>
        Require(caller, CaseOperation.Read, Role.GridWorker, Role.Dispatcher, Role.DepartmentHandler, Role.Supervisor, Role.Admin);

    /// <summary>Whether the caller manages the directory (what <see cref="EnsureAdmin"/> requires).</summary>
    public static bool IsAdmin(CallerIdentity caller) => caller.Role == Role.Admin;

    /// <summary>The routing rules shape the command centre's work: its dispatchers and supervisors read them, as administrators do.</summary>
    public static void EnsureCanReadRoutingRules(CallerIdentity caller)
    {
        if (caller.Role is not (Role.Admin or Role.Dispatcher or Role.Supervisor))
        {
            throw new AccessDeniedException($"Role {caller.Role} may not read the routing rules.");
        }
    }

    public static void EnsureAdmin(CallerIdentity caller)
    {
        if (!IsAdmin(caller))
        {
            throw new AccessDeniedException("Only administrators manage the directory.");
        }
    }

    private static bool IsAssignedTo(CallerIdentity caller, Case @case) =>
        @case.Assignee is { Kind: AssigneeKind.Worker } assignee && assignee.Id == caller.UserId;

    private static bool IsAssignedToDepartmentOf(CallerIdentity caller, Case @case) =>
        caller.DepartmentId is { } department &&
        @case.Assignee is { Kind: AssigneeKind.Department } assignee &&
        assignee.Id == department;

    private static void Require(CallerIdentity caller, CaseOperation action, params Role[] roles)
    {
        if (RoleRefusal(caller, action, roles) is { } refusal)
        {
            throw new AccessDeniedException(refusal);
        }
    }

    private static string? RoleRefusal(CallerIdentity caller, CaseOperation action, Role[] roles) =>
        Array.IndexOf(roles, caller.Role) < 0 ? $"Role {caller.Role} may not {action.ToString().ToLowerInvariant()} cases." : null;
}
