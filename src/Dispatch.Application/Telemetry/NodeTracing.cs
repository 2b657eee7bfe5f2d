using System.Diagnostics;

namespace Dispatch.Application.Telemetry;

/// <summary>The node's own trace spans (<see cref="SourceName"/>): what happens outside a request, such as the outbox relay's calls.</summary>
internal static class NodeTracing
{
    public const string SourceName = "Dispatch.Node";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The current span as a W3C <c>traceparent</c>, to store with work done later; null when nothing traces.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>
    /// Starts a span continuing the trace of a stored <c>traceparent</c> (a root span when there is none or it does not
    /// parse); null when nothing listens.
    /// </summary>
    public static Activity? StartFrom(string? traceParent, string name, ActivityKind kind) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, traceState: null, out var parent)
            ? Source.StartActivity(name, kind, parent)
            : Source.StartActivity(name, kind);
}
