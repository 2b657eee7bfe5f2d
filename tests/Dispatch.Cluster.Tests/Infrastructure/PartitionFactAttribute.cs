namespace Dispatch.Cluster.Tests.Infrastructure;

/// <summary>
/// A fact that makes network namespaces (<see cref="NetworkPartition"/>): it needs root and iproute2,
/// which CI has; elsewhere it is skipped with the reason shown.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PartitionFactAttribute : FactAttribute
{
    public PartitionFactAttribute()
    {
        if (NetTools.Unavailable is { } reason)
        {
            Skip = "Network partition tests are skipped: " + reason + ".";
        }
    }
}
