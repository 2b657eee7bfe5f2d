namespace Dispatch.Node.Hosting;

/// <summary>The <c>Telemetry:*</c> settings.</summary>
public sealed class TelemetryOptions
{
    /// <summary>An OTLP (gRPC) collector to send metrics, traces and logs to; none when empty (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> also turns it on).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Answer <c>/metrics</c> for callers on any address, not only loopback (put it behind a firewall or proxy then).</summary>
    public bool MetricsFromAnyAddress { get; set; }
}
