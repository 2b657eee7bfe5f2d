using Dispatch.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dispatch.Node.Hosting;

/// <summary>
/// Health as probes see it (grpc.health.v1): a node that cannot reach its own database cannot take reports,
/// so it answers NOT_SERVING rather than SERVING.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<DispatchDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The node's database does not answer.");
    }
}
