using Dispatch.Grpc.Interop.Tests.Fixtures;

namespace Dispatch.Grpc.Interop.Tests;

/// <summary>Calls that end before the node answers: a client deadline and a client cancellation.</summary>
[Collection(InteropNodeCollection.Name)]
public sealed class CallLifecycleTests(InteropNode node)
{
    [Fact]
    public async Task WatchCases_ShortDeadline_DeadlineExceededAndNodeStaysHealthy()
    {
        var result = await node.RunCaseAsync("deadline");

        Assert.Equal("DEADLINE_EXCEEDED", result.GetProperty("code").GetString());
        Assert.Equal("SERVING", result.GetProperty("health_after").GetString());
    }

    [Fact]
    public async Task WatchCases_CancelledByClient_CancelledAndNextCallsWork()
    {
        var result = await node.RunCaseAsync("cancel");

        Assert.True(result.GetProperty("received_before_cancel").GetBoolean());
        Assert.Equal("CANCELLED", result.GetProperty("code").GetString());
        Assert.Equal("SERVING", result.GetProperty("health_after").GetString());
        Assert.True(result.GetProperty("report_after").GetBoolean());
    }
}
