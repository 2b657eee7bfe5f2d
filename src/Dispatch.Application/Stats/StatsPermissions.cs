using Dispatch.Application.Cases;
using Dispatch.Application.Deadlines;
using Dispatch.Application.Errors;
using Dispatch.Application.Escalation;
using Dispatch.Application.Feed;
using Dispatch.Application.Security;
using Dispatch.Application.Supervision;
using Dispatch.Application.Writing;
using Dispatch.Domain.Directory;

namespace Dispatch.Application.Stats;

/// <summary>Evaluation and reports are the command centre's: supervisors, dispatchers and administrators.</summary>
internal static class StatsPermissions
{
    public static void EnsureCanEvaluate(CallerIdentity caller)
    {
        if (caller.Role is not (Role.Supervisor or Role.Dispatcher or Role.Admin))
        {
            throw new AccessDeniedException($"Role {caller.Role} may not read evaluations or reports; supervisors, dispatchers and administrators may.");
        }
    }
}
