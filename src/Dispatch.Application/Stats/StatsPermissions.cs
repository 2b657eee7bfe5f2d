using Dispatch.Application.Errors;
using Dispatch.Application.Security;
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
