using Grpc.AspNetCore.Server;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the gRPC health service.</summary>
public static class GrpcHealthChecksEndpointRouteBuilderExtensions
{
    /// <summary>Maps grpc.health.v1.Health; register it first with <c>AddGrpcHealthChecks()</c>.</summary>
    public static GrpcServiceEndpointConventionBuilder MapGrpcHealthChecksService(this IEndpointRouteBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.MapGrpcService<HealthServiceImpl>();
    }
}
