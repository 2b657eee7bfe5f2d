using Dispatch.Grpc.Interop.Tests.Cases;
using Dispatch.Grpc.Interop.Tests.Client;
using Dispatch.Grpc.Interop.Tests.Fixtures;

namespace Dispatch.Grpc.Interop.Tests;

/// <summary>The Dispatch client (GrpcChannel) against the python grpcio server.</summary>
public sealed class DispatchClientTests(PythonServerFixture server) : IClassFixture<PythonServerFixture>
{
    [Theory(Timeout = 60_000)]
    [MemberData(nameof(InteropCases.Names), MemberType = typeof(InteropCases))]
    public Task InteropCase_AgainstPythonServer_Passes(string caseName) =>
        new InteropClient(server.Address).RunAsync(caseName);
}
