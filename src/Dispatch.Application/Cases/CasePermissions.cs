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
        var allowed = caller.Role switch
        {
            Role.GridWorker => caller.WorksIn(@case.GridId),
            Role.DepartmentHandler => IsAssignedToDepartmentOf(caller, @case),
            _ => true,
        };
        if (!allowed)
        {
            throw new AccessDeniedException($"Case {@case.Number} is outside your scope.");
        }
    }

    /// <summary>Checks a change: the role may take the action, and the case is within the caller's scope.</summary>
    public static void EnsureCanAct(CallerIdentity caller, Case @case, CaseOperation action)
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
        Require(caller, action, roles);
        EnsureCanRead(caller, @case);
        if (caller.Role == Role.DepartmentHandler && !IsAssignedToDepartmentOf(caller, @case))
        {
            throw new AccessDeniedException($"Case {@case.Number} is not assigned to your department.");
        }

        // A grid worker handles what is assigned to them; a department's case is its handlers' work.
        if (caller.Role == Role.GridWorker && action is CaseOperation.Start or CaseOperation.Resolve && !IsAssignedTo(caller, @case))
        {
            throw new AccessDeniedException($"Case {@case.Number} is not assigned to you.");
        }

        // DESIGN: a grid worker verifies what they reported (on site); dispatchers may verify any case.
        if (caller.Role == Role.GridWorker && action == CaseOperation.Verify && @case.ReporterId != caller.UserId)
        {
            throw new AccessDeniedException($"Case {@case.Number} was reported by someone else: its reporter verifies it.");
        }
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
        if (Array.IndexOf(roles, caller.Role) < 0)
        {
            throw new AccessDeniedException($"Role {caller.Role} may not {action.ToString().ToLowerInvariant()} cases.");
        }
    }
}
