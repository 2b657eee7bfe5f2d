using Grpc.AspNetCore.Server;
using Grpc.Reflection;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the gRPC server reflection service.</summary>
public static class GrpcReflectionEndpointRouteBuilderExtensions
{
    /// <summary>Maps grpc.reflection.v1alpha.ServerReflection; register it first with <c>AddGrpcReflection()</c>.</summary>
    public static GrpcServiceEndpointConventionBuilder MapGrpcReflectionService(this IEndpointRouteBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.MapGrpcService<ReflectionServiceImpl>();
    }
}
