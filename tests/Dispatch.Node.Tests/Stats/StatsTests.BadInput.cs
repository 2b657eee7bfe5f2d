using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dispatch.Node.Tests.Stats;

/// <summary>Every bad request is refused with the right status and a message naming the field.</summary>
public abstract partial class StatsTests
{
    [Theory]
    [InlineData("worker1")]
    [InlineData("sanitation")]
    public async Task GetEvaluationAndReport_GridWorkerOrDepartmentHandler_PermissionDenied(string userName)
    {
        var stats = await StatsAs(userName);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, stats.GetEvaluationAsync(Request(UnitKind.Department)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, stats.GetReportAsync(new GetReportRequest { Kind = ReportKind.Daily, Date = "2026-11-24", Format = ReportFormat.Csv }));
    }

    [Fact]
    public async Task GetEvaluation_WithoutToken_Unauthenticated()
    {
        var stats = new StatsService.StatsServiceClient(Node.Channel);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, stats.GetEvaluationAsync(Request(UnitKind.Department)));
    }

    [Fact]
    public async Task GetEvaluation_BadInput_InvalidArgumentNamingTheField()
    {
        var stats = await StatsAs("supervisor");
        async Task FailsAsync(string field, Action<GetEvaluationRequest> spoil)
        {
            var request = Request(UnitKind.Department);
            spoil(request);
            await RpcAssert.FailsAsync(field, StatusCode.InvalidArgument, () => stats.GetEvaluationAsync(request).ResponseAsync, field);
        }

        await FailsAsync("unit_kind", r => r.UnitKind = UnitKind.Unspecified);
        await FailsAsync("unit_kind", r => r.UnitKind = (UnitKind)42);
        await FailsAsync("from", r => r.From = null);
        await FailsAsync("to", r => r.To = null);
        await FailsAsync("to", r => r.To = r.From);
        await FailsAsync("to", r => r.To = Timestamp.FromDateTimeOffset(From.AddHours(-1)));
        await FailsAsync("to", r => r.To = Timestamp.FromDateTimeOffset(From.AddDays(366).AddSeconds(1)));
        await FailsAsync("from", r => r.From = new Timestamp { Seconds = long.MaxValue });
        await FailsAsync("unit_id", r => r.UnitId = "not-a-guid");
        await FailsAsync("unit_id", r => (r.UnitKind, r.UnitId) = (UnitKind.Grid, "12345"));
        await FailsAsync("unit_id", r => (r.UnitKind, r.UnitId) = (UnitKind.ChildNode, new string('n', 65)));

        // The longest period allowed is fine.
        var longest = Request(UnitKind.Grid);
        longest.To = Timestamp.FromDateTimeOffset(From.AddDays(366));
        Assert.Empty((await stats.GetEvaluationAsync(longest)).Units);
    }

    [Fact]
    public async Task GetReport_BadInput_InvalidArgumentNamingTheField()
    {
        var stats = await StatsAs("dispatcher");
        async Task FailsAsync(string field, GetReportRequest request) =>
            await RpcAssert.FailsAsync(field, StatusCode.InvalidArgument, () => stats.GetReportAsync(request).ResponseAsync, field);

        await FailsAsync("kind", new GetReportRequest { Date = "2026-11-24", Format = ReportFormat.Csv });
        await FailsAsync("kind", new GetReportRequest { Kind = (ReportKind)9, Date = "2026-11-24", Format = ReportFormat.Csv });
        await FailsAsync("date", new GetReportRequest { Kind = ReportKind.Daily, Format = ReportFormat.Csv });
        await FailsAsync("date", new GetReportRequest { Kind = ReportKind.Daily, Date = "2026-02-30", Format = ReportFormat.Csv });
        await FailsAsync("date", new GetReportRequest { Kind = ReportKind.Daily, Date = "24.11.2026", Format = ReportFormat.Csv });
        await FailsAsync("date", new GetReportRequest { Kind = ReportKind.Monthly, Date = "9999-12-31", Format = ReportFormat.Csv });
        await FailsAsync("date", new GetReportRequest { Kind = ReportKind.Weekly, Date = "0001-01-01", Format = ReportFormat.Csv });
        await FailsAsync("format", new GetReportRequest { Kind = ReportKind.Weekly, Date = "2026-11-24" });
    }
}
