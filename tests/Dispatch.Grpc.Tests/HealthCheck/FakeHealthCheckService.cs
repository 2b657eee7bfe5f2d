using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dispatch.Grpc.Tests.HealthCheck;

/// <summary>Returns a report of the status it is told; counts the evaluations; can hold one back.</summary>
internal sealed class FakeHealthCheckService : HealthCheckService
{
    private int evaluations;

    public HealthStatus Status { get; set; } = HealthStatus.Healthy;

    /// <summary>When set, each evaluation waits for this task before it reports.</summary>
    public Task? Gate { get; set; }

    public int Evaluations => Volatile.Read(ref evaluations);

    public override async Task<HealthReport> CheckHealthAsync(
        Func<HealthCheckRegistration, bool>? predicate,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref evaluations);
        if (Gate is not null)
        {
            await Gate.WaitAsync(cancellationToken);
        }

        return Report(Status);
    }

    public static HealthReport Report(HealthStatus status) =>
        new(new Dictionary<string, HealthReportEntry>(), status, TimeSpan.Zero);
}
