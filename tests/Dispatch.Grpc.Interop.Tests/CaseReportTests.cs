using Dispatch.Grpc.Interop.Tests.Fixtures;

namespace Dispatch.Grpc.Interop.Tests;

/// <summary>CaseService from python: bearer tokens, status codes and the server stream of case events.</summary>
[Collection(InteropNodeCollection.Name)]
public sealed class CaseReportTests(InteropNode node)
{
    [Fact]
    public async Task ReportCase_WithToken_CreatesTheCase()
    {
        var result = await node.RunCaseAsync("report-case");

        Assert.True(result.GetProperty("created").GetBoolean());
        ResultAssert.Text("CASE_STATUS_REPORTED", result, "status");
        var stored = await node.GetCaseAsync(result.GetProperty("case_id").GetString()!);
        Assert.Equal("110105001001001", stored.GridId);
        Assert.Equal(result.GetProperty("title").GetString(), stored.Title);
    }

    [Fact]
    public async Task ReportCase_WithoutToken_Unauthenticated()
    {
        var result = await node.RunCaseAsync("report-case-without-token");

        ResultAssert.Status("UNAUTHENTICATED", result);
    }

    [Fact]
    public async Task ReportCase_BadGridId_InvalidArgumentNamingTheField()
    {
        var result = await node.RunCaseAsync("report-case-bad-grid");

        ResultAssert.Status("INVALID_ARGUMENT", result);
        Assert.Contains("grid_id", result.GetProperty("details").GetString());
    }

    [Fact]
    public async Task WatchCases_FromSequenceZero_YieldsTheReportedCaseEvent()
    {
        var result = await node.RunCaseAsync("watch-cases");

        Assert.Equal(result.GetProperty("reported_case_id").GetString(), result.GetProperty("case_id").GetString());
        ResultAssert.Text("CaseReported", result, "event_type");
        ResultAssert.Text("CASE_STATUS_REPORTED", result, "status");
        Assert.True(result.GetProperty("sequence").GetInt64() > 0);
    }
}
