using Grpc.Health.V1;
using Grpc.HealthCheck;
using Grpc.Reflection;
using Grpc.Reflection.V1Alpha;

namespace Dispatch.Grpc.Tests.Reflection;

public sealed class MappedServicesTests
{
    [Fact]
    public void FindDescriptor_ServiceDerivedFromGeneratedBase_ReturnsItsDescriptor()
    {
        Assert.Same(Health.Descriptor, MappedServices.FindDescriptor(typeof(HealthServiceImpl)));
        Assert.Same(ServerReflection.Descriptor, MappedServices.FindDescriptor(typeof(ReflectionServiceImpl)));
    }

    [Fact]
    public void FindDescriptor_SubclassOfAService_ReturnsTheBaseServiceDescriptor()
    {
        Assert.Same(Health.Descriptor, MappedServices.FindDescriptor(typeof(DerivedHealthService)));
    }

    [Fact]
    public void FindDescriptor_TypeNotGeneratedFromProto_ReturnsNull()
    {
        Assert.Null(MappedServices.FindDescriptor(typeof(MappedServicesTests)));
    }

    [Fact]
    public void Discover_NoDataSources_ReturnsNothing()
    {
        Assert.Empty(MappedServices.Discover([]));
    }

    private class IntermediateHealthService : Health.HealthBase;

    private sealed class DerivedHealthService : IntermediateHealthService;
}
