using System.Text.Json;
using Dispatch.Application.Escalation;
using Grpc.AspNetCore.HealthChecks;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dispatch.Node.Hosting;

/// <summary>
/// A node's health for probes. On the web port, without sign-in: <c>/healthz</c> (live: the process serves requests)
/// and <c>/readyz</c> (ready: start-up finished, the database answers, and the subscription to the parent is open on a
/// node with a parent), each answering JSON that names every check. The gRPC health service keeps reporting the
/// database only: a village whose parent is away still takes reports.
/// </summary>
internal static class NodeHealth
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";

    private const string Live = "live";
    private const string Ready = "ready";
    private const string Grpc = "grpc";

    public static void AddNodeHealth(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddGrpcHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("The node serves requests."), tags: [Live])
            .AddCheck<StartupHealthCheck>("startup", tags: [Ready])
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready, Grpc]);
        if (configuration.GetSection("Node").Get<NodeOptions>() is { HasParent: true })
        {
            checks.AddCheck<ParentLinkHealthCheck>("parent", tags: [Ready]);
        }

        services.Configure<GrpcHealthChecksOptions>(options =>
        {
            options.Services.Clear();
            options.Services.Map("", check => check.Tags.Contains(Grpc));
        });
    }

    public static void MapNodeHealth(this WebApplication app, string webHost)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(Live), ResponseWriter = WriteAsync })
            .RequireHost(webHost).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync })
            .RequireHost(webHost).AllowAnonymous();
    }

    /// <summary>{"status": ..., "checks": {name: {"status", "description", "data"}}}.</summary>
    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description ?? entry.Exception?.Message);
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            if (entry.Data.Count > 0)
            {
                json.WriteStartObject("data");
                foreach (var (key, value) in entry.Data)
                {
                    json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Ready once the host has started every hosted service (the database migrated, the writer and the relay running).</summary>
    private sealed class StartupHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested
                ? HealthCheckResult.Healthy("Start-up finished.")
                : HealthCheckResult.Unhealthy("The node is still starting."));
    }

    /// <summary>
    /// The subscription to each node this one escalates to: the parent's link down makes the node unready (escalations
    /// queue, the parent's progress does not arrive); the emergency parent's alone makes it degraded.
    /// </summary>
    private sealed class ParentLinkHealthCheck(ParentLinks links) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var data = new Dictionary<string, object>();
            var status = HealthStatus.Healthy;
            foreach (var upstream in links.Upstreams)
            {
                var open = links.IsOpen(upstream.Id);
                data[upstream.Id] = open ? "connected" : $"down for {links.DownFor(upstream.Id).TotalSeconds:0} s";
                if (!open)
                {
                    status = upstream.Emergency && status == HealthStatus.Healthy ? HealthStatus.Degraded : HealthStatus.Unhealthy;
                }
            }

            var description = status == HealthStatus.Healthy ? "Subscribed to the parent's updates." : "A link to the parent is down; escalations queue until it is back.";
            return Task.FromResult(new HealthCheckResult(status, description, data: data));
        }
    }
}
