using System.Diagnostics;
using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using static Dispatch.Node.Tests.Infrastructure.EscalationCases;

namespace Dispatch.Node.Tests.Observability;

/// <summary>
/// The nodes' telemetry on a running cluster: the Prometheus scrape of one node shows its own meter, and an escalation's
/// trace runs from the village's request through its outbox to the town's handling of the call. The town collects the
/// spans in memory: span listeners are process-wide, so its exporter sees every node's spans (the test's trace picks
/// them out).
/// </summary>
public sealed class TelemetryTests(TelemetryTests.Cluster cluster) : IClassFixture<TelemetryTests.Cluster>
{
    private static readonly ActivitySource TestSource = new("Dispatch.Node.Tests");

    [Fact]
    public async Task Metrics_AfterReport_ScrapeShowsTheNodesOwnMeter()
    {
        var worker = await cluster.Host.Village.CasesAsAsync("worker1");
        await worker.ReportCaseAsync(Report("metrics-1"));

        using var web = WebPort.Open(cluster.Host.Village);
        var scrape = await web.GetStringAsync("/metrics");

        Assert.Matches(@"(?m)^dispatch_intake_reports_total(\{[^}]*\})? [1-9]", scrape);
        Assert.Contains("dispatch_intake_duration_seconds_bucket", scrape);
        Assert.Contains("dispatch_writer_batch_size_bucket", scrape);
        Assert.Contains("dispatch_writer_batch_duration_seconds_bucket", scrape);
        Assert.Matches(@"(?m)^dispatch_outbox_pending(\{[^}]*\})? \d", scrape);
        Assert.Matches(@"(?m)^dispatch_alarms_due(\{[^}]*\})? \d", scrape);
        Assert.Matches(@"(?m)^dispatch_supervision_orders_open\{[^}]*status=""open""[^}]*\} \d", scrape);
        Assert.Matches(@"(?m)^dispatch_subscription_connected\{[^}]*parent=""town""[^}]*\} [01]", scrape);
        Assert.Contains("http_server_request_duration_seconds", scrape);

        // Each node reports its own: the district took no report, so the village's count is not in its scrape.
        using var district = WebPort.Open(cluster.Host.District);
        Assert.DoesNotMatch(@"(?m)^dispatch_intake_reports_total(\{[^}]*\})? [1-9]", await district.GetStringAsync("/metrics"));
    }

    [Fact]
    public async Task Metrics_OnTheGrpcPort_NotServed()
    {
        using var grpcPort = new HttpClient { BaseAddress = cluster.Host.Village.Address, DefaultRequestVersion = System.Net.HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        var response = await grpcPort.GetAsync("/metrics");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Escalation_TraceContinuesFromTheChildsRequestToTheParentsHandling()
    {
        var worker = await cluster.Host.Village.CasesAsAsync("worker1");
        var dispatcher = await cluster.Host.Village.CasesAsAsync("dispatcher");
        var town = await cluster.Host.Town.CasesAsAsync("dispatcher");
        var reported = (await worker.ReportCaseAsync(Report("trace-1"))).Case;

        ActivityTraceId traceId;
        using (var test = TestSource.StartActivity("escalate from the test", ActivityKind.Client))
        {
            Assert.NotNull(test);
            traceId = test.TraceId;
            await dispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Needs the town." });
        }

        await cluster.Host.EventuallyAsync(() => FindByOriginAsync(town, reported.Id), "the escalation to reach the town");
        var spans = await cluster.Host.EventuallyAsync(
            () => Task.FromResult(SpansOf(traceId) is var found && found.Any(IsServerSpan("/dispatch.v1.EscalationService/Escalate")) && found.Any(IsRelaySpan) ? found : null),
            "the town's span of the escalation and the relay's (recorded when it ends, after the town's answer)");

        Assert.True(spans.Any(IsServerSpan("/dispatch.v1.CaseService/EscalateCase")), "the village's span of the request is in the trace");
        var relay = Assert.Single(spans, IsRelaySpan);
        var atTown = spans.Single(IsServerSpan("/dispatch.v1.EscalationService/Escalate"));
        Assert.Equal(traceId, atTown.TraceId);
        Assert.True(IsBelow(atTown, relay, spans), $"the town's span descends from the relay's call; spans: {string.Join(", ", spans.Select(s => $"{s.Source.Name}/{s.OperationName} {s.SpanId}<-{s.ParentSpanId}"))}");
    }

    private List<Activity> SpansOf(ActivityTraceId traceId)
    {
        lock (cluster.Spans)
        {
            return [.. cluster.Spans.Where(s => s.TraceId == traceId)];
        }
    }

    private static bool IsRelaySpan(Activity span) => span.OperationName == "dispatch.outbox.deliver";

    private static Func<Activity, bool> IsServerSpan(string path) =>
        s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("url.path"), path);

    /// <summary>Whether <paramref name="span"/> has <paramref name="ancestor"/> among its parents (through the spans recorded).</summary>
    private static bool IsBelow(Activity span, Activity ancestor, List<Activity> spans)
    {
        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }

            var next = spans.FirstOrDefault(s => s.SpanId == parent);
            if (next is null)
            {
                return false;
            }

            parent = next.ParentSpanId;
        }

        return false;
    }

    public sealed class Cluster : IAsyncLifetime
    {
        public List<Activity> Spans { get; } = [];

        public ClusterTestHost Host { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Host = await ClusterTestHost.StartAsync(StorageKind.Sqlite, townServices: services => services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddSource(TestSource.Name, "System.Net.Http", "Grpc.Net.Client").AddInMemoryExporter(Spans)));

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
