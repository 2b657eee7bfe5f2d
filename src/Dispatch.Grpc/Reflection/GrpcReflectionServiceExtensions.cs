using Grpc.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gRPC server reflection service.</summary>
public static class GrpcReflectionServiceExtensions
{
    /// <summary>
    /// Registers <see cref="ReflectionServiceImpl"/> as a singleton describing every service mapped
    /// with <c>MapGrpcService</c>, itself included. The services are found on the first
    /// reflection call, when all endpoints are mapped.
    /// </summary>
    public static IServiceCollection AddGrpcReflection(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider => new ReflectionServiceImpl(
            () => MappedServices.Discover(provider.GetServices<EndpointDataSource>())));
        return services;
    }
}
