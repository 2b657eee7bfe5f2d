using Dispatch.Grpc.Interop.Tests.Fixtures;

namespace Dispatch.Grpc.Interop.Tests;

/// <summary>Calls that end before the node answers: a client deadline and a client cancellation.</summary>
[Collection(InteropNodeCollection.Name)]
public sealed class CallLifecycleTests(InteropNode node)
{
    [Fact]
    public async Task WatchCases_ShortDeadline_DeadlineExceededNodeEndsTheCallAndStaysHealthy()
    {
        var result = await node.RunCaseAsync("deadline");

        ResultAssert.Status("DEADLINE_EXCEEDED", result);
        ResultAssert.Text("ended", result, "node_call");
        ResultAssert.Text("SERVING", result, "health_after");
    }

    [Fact]
    public async Task WatchCases_CancelledByClient_NodeEndsTheCallAndNextCallsWork()
    {
        var result = await node.RunCaseAsync("cancel");

        Assert.True(result.GetProperty("received_before_cancel").GetBoolean());
        ResultAssert.Status("CANCELLED", result);
        ResultAssert.Text("ended", result, "node_call");
        ResultAssert.Text("SERVING", result, "health_after");
        Assert.True(result.GetProperty("report_after").GetBoolean());
    }
}
