using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;

namespace Grpc.Reflection;

/// <summary>
/// The standard gRPC server reflection service (grpc.reflection.v1alpha.ServerReflection): lets
/// generic tools list the services and fetch the protobuf descriptors of their files.
/// </summary>
public sealed class ReflectionServiceImpl : ServerReflection.ServerReflectionBase
{
    // PublicationOnly: a failed build (say, endpoints not ready) is not cached; a build is pure,
    // so two racing first calls building it twice costs nothing but time.
    private readonly Lazy<ReflectionResponder> responder;

    /// <summary>Describes the given services and every file they reach.</summary>
    public ReflectionServiceImpl(IEnumerable<ServiceDescriptor> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var list = services.ToList();
        responder = new(() => new ReflectionResponder(SymbolIndex.Build(list)), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>Describes the given services and every file they reach.</summary>
    public ReflectionServiceImpl(params ServiceDescriptor[] services)
        : this((IEnumerable<ServiceDescriptor>)services)
    {
    }

    /// <summary>Finds the services to describe on the first call, once.</summary>
    internal ReflectionServiceImpl(Func<IEnumerable<ServiceDescriptor>> discoverServices)
    {
        responder = new(
            () => new ReflectionResponder(SymbolIndex.Build(discoverServices())),
            LazyThreadSafetyMode.PublicationOnly);
    }

    public override async Task ServerReflectionInfo(
        IAsyncStreamReader<ServerReflectionRequest> requestStream,
        IServerStreamWriter<ServerReflectionResponse> responseStream,
        ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        while (await requestStream.MoveNext(cancellationToken))
        {
            await responseStream.WriteAsync(responder.Value.Answer(requestStream.Current));
        }
    }
}
