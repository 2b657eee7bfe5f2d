using System.Reflection;
using System.Runtime.CompilerServices;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Internal;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

public static class GrpcEndpointRouteBuilderExtensions
{
    // One catch-all UNIMPLEMENTED endpoint per route builder, however many services it maps.
    private static readonly ConditionalWeakTable<IEndpointRouteBuilder, object> FallbackMapped = [];

    /// <summary>Maps every method of a generated service implementation to a POST endpoint.</summary>
    public static GrpcServiceEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder builder)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.ServiceProvider;
        if (services.GetService<GrpcMarkerService>() is null)
        {
            throw new InvalidOperationException("Unable to find the required services. Add them by calling 'services.AddGrpc()'.");
        }

        var grpcOptions = services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Grpc.AspNetCore.Server.ServerCallHandler");
        var options = new ServerMethodOptions(grpcOptions, logger);

        var binder = new ServiceMethodBinder<TService>(builder, options);
        FindBindMethod(typeof(TService)).Invoke(null, [binder, null]);

        foreach (var serviceName in binder.ServiceNames)
        {
            binder.Endpoints.Add(MapFallback(builder, $"/{serviceName}/{{unimplementedMethod}}", "Method is unimplemented."));
        }

        if (grpcOptions.IgnoreUnknownServices != true && FallbackMapped.TryAdd(builder, new object()))
        {
            MapFallback(builder, "/{unimplementedService}/{unimplementedMethod}", "Service is unimplemented.");
        }

        return new GrpcServiceEndpointConventionBuilder(binder.Endpoints);
    }

    private static IEndpointConventionBuilder MapFallback(IEndpointRouteBuilder builder, string pattern, string detail)
    {
        var convention = builder.MapPost(pattern, UnimplementedCallHandler.For(detail));

        // Last in line: any real endpoint with the same shape wins.
        convention.Add(b => ((RouteEndpointBuilder)b).Order = int.MaxValue);
        return convention;
    }

    private static MethodInfo FindBindMethod(Type serviceType)
    {
        for (var type = serviceType; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } attribute)
            {
                var baseType = type;
                return attribute.BindType
                    .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                    .FirstOrDefault(m => m.Name == attribute.BindMethodName &&
                        m.GetParameters() is [{ } first, { } second] &&
                        first.ParameterType == typeof(ServiceBinderBase) &&
                        second.ParameterType.IsAssignableFrom(baseType))
                    ?? throw new InvalidOperationException(
                        $"Could not find '{attribute.BindMethodName}(ServiceBinderBase, {baseType.Name})' on {attribute.BindType}.");
            }
        }

        throw new InvalidOperationException(
            $"Service type {serviceType} has no {nameof(BindServiceMethodAttribute)}: derive it from a generated service base class.");
    }
}
