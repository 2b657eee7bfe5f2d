using Grpc.Core;

namespace Grpc.AspNetCore.Server;

/// <summary>Endpoint metadata on every gRPC method endpoint: which service type and method it serves.</summary>
public sealed class GrpcMethodMetadata
{
    public GrpcMethodMetadata(Type serviceType, IMethod method)
    {
        ServiceType = serviceType ?? throw new ArgumentNullException(nameof(serviceType));
        Method = method ?? throw new ArgumentNullException(nameof(method));
    }

    public Type ServiceType { get; }

    public IMethod Method { get; }
}
