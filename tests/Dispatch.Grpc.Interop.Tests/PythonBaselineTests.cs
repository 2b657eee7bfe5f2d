using Dispatch.Grpc.Interop.Tests.Cases;
using Dispatch.Grpc.Interop.Tests.Fixtures;

namespace Dispatch.Grpc.Interop.Tests;

/// <summary>
/// The python client against the python server: shows that the python side and this machine's
/// grpcio are sound, so a failure in the other suites points at the Dispatch runtime.
/// </summary>
public sealed class PythonBaselineTests(PythonServerFixture server) : IClassFixture<PythonServerFixture>
{
    [Theory(Timeout = 90_000)]
    [MemberData(nameof(InteropCases.Names), MemberType = typeof(InteropCases))]
    public async Task InteropCase_PythonClientAndServer_Passes(string caseName)
    {
        var run = await PythonInterop.RunClientAsync(server.Port, caseName);

        Assert.True(run.Passed, $"{run}\npython server stderr: {server.StandardError.Trim()}");
    }
}
