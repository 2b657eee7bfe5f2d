using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Grpc.HealthCheck;

/// <summary>
/// Carries ASP.NET Core's health report over to the gRPC health service as the status of the
/// server as a whole (the empty service name). ASP.NET Core calls <see cref="PublishAsync"/>
/// periodically; until its first call, <see cref="EnsurePublishedAsync"/> runs the checks once so
/// that a fresh server does not answer NOT_FOUND for a few seconds.
/// </summary>
internal sealed class HealthReportPublisher(HealthServiceImpl health, HealthCheckService checks) : IHealthCheckPublisher
{
    /// <summary>The service name that stands for the whole server.</summary>
    public const string OverallService = "";

    private readonly Lock gate = new();
    private bool published;
    private Task? firstEvaluation;

    public static ServingStatus ToServingStatus(HealthStatus status) =>
        status == HealthStatus.Unhealthy ? ServingStatus.NotServing : ServingStatus.Serving;

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (gate)
        {
            Apply(report);
        }

        return Task.CompletedTask;
    }

    public Task EnsurePublishedAsync(CancellationToken cancellationToken)
    {
        Task evaluation;
        lock (gate)
        {
            if (published)
            {
                return Task.CompletedTask;
            }

            // Task.Run: the checks are user code and must not run under the lock. The shared
            // evaluation is not tied to one caller's token; each caller stops waiting on its own.
            evaluation = firstEvaluation ??= Task.Run(EvaluateOnceAsync, CancellationToken.None);
        }

        return evaluation.WaitAsync(cancellationToken);
    }

    private async Task EvaluateOnceAsync()
    {
        HealthReport report;
        try
        {
            report = await checks.CheckHealthAsync(CancellationToken.None);
        }
        catch
        {
            // Let a later call try again instead of failing every call with this exception.
            lock (gate)
            {
                firstEvaluation = null;
            }

            throw;
        }

        lock (gate)
        {
            // A periodic report that came in meanwhile is newer: keep it.
            if (!published)
            {
                Apply(report);
            }
        }
    }

    private void Apply(HealthReport report)
    {
        published = true;
        health.SetStatus(OverallService, ToServingStatus(report.Status));
    }
}
