using System.Diagnostics.Metrics;
using System.Net;
using Dispatch.Application.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dispatch.Node.Hosting;

/// <summary>
/// OpenTelemetry for a node: its meter (<see cref="NodeMetrics"/>) and ASP.NET Core's, scraped at <c>/metrics</c> on the
/// web port (Prometheus text), and exported with traces and logs over OTLP when an endpoint is configured
/// (<c>Telemetry:OtlpEndpoint</c>, or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> with the other <c>OTEL_*</c>
/// variables). Without an exporter nothing traces: no span is made per request, and the relay's calls carry none.
/// </summary>
internal static class NodeTelemetry
{
    public const string MetricsPath = "/metrics";

    private static readonly string[] AspNetCoreMeters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting"];

    private static readonly HashSet<string> Untraced = [MetricsPath, NodeHealth.LivePath, NodeHealth.ReadyPath];

    public static IServiceCollection AddNodeTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection("Telemetry"));
        var node = configuration.GetSection("Node").Get<NodeOptions>() ?? new NodeOptions();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService("dispatch-node", serviceInstanceId: node.Id)
                .AddAttributes([new("dispatch.node.tier", node.Tier)]))
            .WithMetrics(metrics => metrics
                .AddMeter(NodeMetrics.MeterName)

                // ASP.NET Core's own meters: requests (duration, active), Kestrel's connections, unhandled exceptions and
                // rate limiting. Not routing's match attempts nor the memory pool's rentals: counted several times per
                // request, they would cost the intake path and tell an operator nothing.
                .AddMeter(AspNetCoreMeters)
                .AddPrometheusExporter());

        // Meters made by a container's IMeterFactory (this node's, and ASP.NET Core's) are told apart by that factory:
        // in a process running several nodes (the local platform, tests) each node reports its own, not the sum.
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) =>
        {
            var own = provider.GetRequiredService<IMeterFactory>();
            metrics.AddView(instrument => instrument.Meter.Scope is IMeterFactory factory && factory != own ? MetricStreamConfiguration.Drop : null);
        });

        // What the node traces, for whichever exporter turns tracing on (OTLP below; a test's in-memory exporter).
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddSource(NodeTracing.SourceName)
            .AddAspNetCoreInstrumentation(options => options.Filter = context => !Untraced.Contains(context.Request.Path.Value ?? "")));

        var endpoint = configuration["Telemetry:OtlpEndpoint"];
        if (!string.IsNullOrEmpty(endpoint))
        {
            telemetry.WithTracing().WithLogging().UseOtlpExporter(OtlpExportProtocol.Grpc, new Uri(endpoint));
        }
        else if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing().WithLogging().UseOtlpExporter();
        }

        return services;
    }

    /// <summary>
    /// <c>/metrics</c> on the web port, without sign-in: it shows counts and timings, no case data. Only loopback callers
    /// are answered (a scraper on the same machine, or a tunnel) unless <c>Telemetry:MetricsFromAnyAddress</c> is set.
    /// </summary>
    public static void MapNodeTelemetry(this WebApplication app, string webHost)
    {
        var anyAddress = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.MetricsFromAnyAddress;
        app.MapPrometheusScrapingEndpoint(
                MetricsPath,
                meterProvider: null,
                configureBranchedPipeline: branch => branch.Use(next => context =>
                {
                    if (anyAddress || context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
                    {
                        return next(context);
                    }

                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }),
                optionsName: null)
            .RequireHost(webHost)
            .AllowAnonymous();
    }
}
