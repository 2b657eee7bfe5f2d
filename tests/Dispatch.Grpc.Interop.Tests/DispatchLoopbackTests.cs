using Dispatch.Grpc.Interop.Tests.Cases;
using Dispatch.Grpc.Interop.Tests.Client;
using Dispatch.Grpc.Interop.Tests.Fixtures;

namespace Dispatch.Grpc.Interop.Tests;

/// <summary>
/// The Dispatch client against the Dispatch server. Not interop by itself; read next to the
/// two interop directions it tells a client-side fault from a server-side one.
/// </summary>
public sealed class DispatchLoopbackTests(DispatchServerFixture server) : IClassFixture<DispatchServerFixture>
{
    [Theory(Timeout = 60_000)]
    [MemberData(nameof(InteropCases.Names), MemberType = typeof(InteropCases))]
    public Task InteropCase_DispatchClientAndServer_Passes(string caseName) =>
        new InteropClient(server.Address).RunAsync(caseName);
}
