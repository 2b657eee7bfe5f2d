using Dispatch.Grpc.Interop.Tests.Fixtures;

namespace Dispatch.Grpc.Interop.Tests;

/// <summary>The standard services a probe or tool uses, without a token.</summary>
[Collection(InteropNodeCollection.Name)]
public sealed class DiscoveryTests(InteropNode node)
{
    [Theory]
    [InlineData("v1")]
    [InlineData("v1alpha")]
    public async Task Reflection_WithoutToken_ListsTheNodeServicesAndDescribesThem(string version)
    {
        var result = await node.RunCaseAsync($"reflection-{version}");

        var services = result.GetProperty("services").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("dispatch.v1.AuthService", services);
        Assert.Contains("dispatch.v1.CaseService", services);
        Assert.Contains("dispatch.v1.EscalationService", services);
        Assert.Contains("grpc.health.v1.Health", services);
        var methods = result.GetProperty("case_service_methods").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("ReportCase", methods);
        Assert.Contains("WatchCases", methods);
    }

    [Fact]
    public async Task HealthCheck_WithoutToken_Serving()
    {
        var result = await node.RunCaseAsync("health");

        ResultAssert.Text("SERVING", result, "status");
    }
}
