using Dispatch.Application.Security;

namespace Dispatch.Application.Stats;

/// <summary>Evaluation and reports are the command centre's: the statistics rows of the <see cref="PermissionTable"/>.</summary>
internal static class StatsPermissions
{
    /// <summary>Evaluating units (the API's evaluation, the dashboard's charts).</summary>
    public static void EnsureCanEvaluate(CallerIdentity caller) => EnsureCan(caller, "GetEvaluation");

    public static void EnsureCan(CallerIdentity caller, string method) => PermissionTable.Of(PermissionTable.StatsService, method).Require(caller);
}
