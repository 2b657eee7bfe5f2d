using Dispatch.Grpc.Interop.Tests.Fixtures;

namespace Dispatch.Grpc.Interop.Tests;

/// <summary>What the transport does with compressed, oversized and unroutable requests.</summary>
[Collection(InteropNodeCollection.Name)]
public sealed class TransportTests(InteropNode node)
{
    [Fact]
    public async Task ReportCase_GzipRequest_AcceptedAndAnswered()
    {
        var result = await node.RunCaseAsync("report-case-gzip");

        Assert.True(result.GetProperty("created").GetBoolean());
        Assert.Contains("/dispatch.v1.CaseService/ReportCase", node.GzipRequestPaths);
        var stored = await node.GetCaseAsync(result.GetProperty("case_id").GetString()!);
        Assert.StartsWith("Compressible text. Compressible text.", stored.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportCase_OverTheReceiveLimit_ResourceExhaustedAndNodeStaysHealthy()
    {
        var result = await node.RunCaseAsync("size-limit");

        Assert.Equal("RESOURCE_EXHAUSTED", result.GetProperty("code").GetString());
        Assert.Equal("SERVING", result.GetProperty("health_after").GetString());
    }

    [Fact]
    public async Task UnknownMethodOrService_Unimplemented()
    {
        var result = await node.RunCaseAsync("unknown-method");

        Assert.Equal("UNIMPLEMENTED", result.GetProperty("unknown_method").GetProperty("code").GetString());
        Assert.Equal("UNIMPLEMENTED", result.GetProperty("unknown_service").GetProperty("code").GetString());
    }
}
