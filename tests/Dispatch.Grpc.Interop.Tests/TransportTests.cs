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

        ResultAssert.Status("RESOURCE_EXHAUSTED", result);
        ResultAssert.Text("SERVING", result, "health_after");
    }

    [Fact]
    public async Task UnknownMethodOrService_Unimplemented()
    {
        var result = await node.RunCaseAsync("unknown-method");

        ResultAssert.Status("UNIMPLEMENTED", result.GetProperty("unknown_method"));
        ResultAssert.Status("UNIMPLEMENTED", result.GetProperty("unknown_service"));
    }
}
