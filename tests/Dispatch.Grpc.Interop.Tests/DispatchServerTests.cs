using Dispatch.Grpc.Interop.Tests.Cases;
using Dispatch.Grpc.Interop.Tests.Fixtures;

namespace Dispatch.Grpc.Interop.Tests;

/// <summary>The python grpcio client against the Dispatch server on Kestrel.</summary>
public sealed class DispatchServerTests(DispatchServerFixture server) : IClassFixture<DispatchServerFixture>
{
    [Theory(Timeout = 90_000)]
    [MemberData(nameof(InteropCases.Names), MemberType = typeof(InteropCases))]
    public async Task InteropCase_PythonClient_Passes(string caseName)
    {
        var run = await PythonInterop.RunClientAsync(server.Port, caseName);

        Assert.True(run.Passed, run.ToString());
    }
}
