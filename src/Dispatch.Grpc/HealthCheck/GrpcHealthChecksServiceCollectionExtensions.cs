using Grpc.HealthCheck;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gRPC health service, fed by ASP.NET Core health checks.</summary>
public static class GrpcHealthChecksServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HealthServiceImpl"/> as a singleton and ASP.NET Core health checks;
    /// their report becomes the status of the whole server (the empty service name): Healthy and
    /// Degraded are SERVING, Unhealthy is NOT_SERVING. Add checks to the builder returned.
    /// </summary>
    public static IHealthChecksBuilder AddGrpcHealthChecks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton<HealthReportPublisher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHealthCheckPublisher, HealthReportPublisher>(
            provider => provider.GetRequiredService<HealthReportPublisher>()));

        // The publisher needs the service and the service needs the publisher: the service gets
        // it lazily, on its first call, when both exist.
        services.TryAddSingleton(provider => new HealthServiceImpl(
            cancellationToken => provider.GetRequiredService<HealthReportPublisher>().EnsurePublishedAsync(cancellationToken)));

        return services.AddHealthChecks();
    }
}
