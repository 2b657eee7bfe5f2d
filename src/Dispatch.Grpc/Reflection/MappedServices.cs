using System.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Grpc.Reflection;

/// <summary>Finds the protobuf descriptors of the services mapped with <c>MapGrpcService</c>.</summary>
internal static class MappedServices
{
    /// <summary>
    /// Every gRPC endpoint carries a <see cref="GrpcMethodMetadata"/> naming its service type; a
    /// generated service base class names, through <see cref="BindServiceMethodAttribute"/>, the
    /// generated static class whose <c>Descriptor</c> property describes the service.
    /// </summary>
    public static IReadOnlyList<ServiceDescriptor> Discover(IEnumerable<EndpointDataSource> dataSources)
    {
        ArgumentNullException.ThrowIfNull(dataSources);
        var serviceTypes = dataSources
            .SelectMany(source => source.Endpoints)
            .Select(endpoint => endpoint.Metadata.GetMetadata<GrpcMethodMetadata>()?.ServiceType)
            .OfType<Type>()
            .Distinct();

        var descriptors = new List<ServiceDescriptor>();
        foreach (var serviceType in serviceTypes)
        {
            var descriptor = FindDescriptor(serviceType);
            if (descriptor is not null && descriptors.TrueForAll(known => known.FullName != descriptor.FullName))
            {
                descriptors.Add(descriptor);
            }
        }

        return descriptors;
    }

    /// <summary>The descriptor of a service type, or null if it was not generated from a proto.</summary>
    public static ServiceDescriptor? FindDescriptor(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        for (var type = serviceType; type is not null; type = type.BaseType)
        {
            var binding = type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false);
            if (binding is not null)
            {
                var property = binding.BindType.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static);
                return property?.GetValue(null) as ServiceDescriptor;
            }
        }

        return null;
    }
}
