using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Dispatch.Application.Common;

namespace Dispatch.Application.Escalation;

/// <summary>
/// Whether this node's subscription to each node it escalates to is open, as the subscriber last saw it: what
/// readiness reports and the meter shows. A link is down from the start until its first subscription opens.
/// </summary>
internal sealed class ParentLinks(NodeSettings node, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset?> _downSince = new(
        node.Upstreams.Select(u => KeyValuePair.Create(u.Id, (DateTimeOffset?)clock.GetUtcNow())));

    public IReadOnlyList<UpstreamNode> Upstreams => node.Upstreams;

    /// <summary>The subscription to <paramref name="upstreamId"/> opened (the parent answered with its headers).</summary>
    public void Opened(string upstreamId) => _downSince[upstreamId] = null;

    /// <summary>The subscription broke; the link counts as down from now unless it already was.</summary>
    public void Broke(string upstreamId) => _downSince.AddOrUpdate(upstreamId, clock.GetUtcNow(), (_, since) => since ?? clock.GetUtcNow());

    public bool IsOpen(string upstreamId) => _downSince.TryGetValue(upstreamId, out var since) && since is null;

    /// <summary>How long the link has been down; zero while open.</summary>
    public TimeSpan DownFor(string upstreamId) =>
        _downSince.TryGetValue(upstreamId, out var since) && since is { } at ? clock.GetUtcNow() - at : TimeSpan.Zero;

    internal IEnumerable<Measurement<int>> Connected() =>
        node.Upstreams.Select(u => new Measurement<int>(IsOpen(u.Id) ? 1 : 0, new KeyValuePair<string, object?>("parent", u.Id)));

    internal IEnumerable<Measurement<double>> Down() =>
        node.Upstreams.Select(u => new Measurement<double>(DownFor(u.Id).TotalSeconds, new KeyValuePair<string, object?>("parent", u.Id)));
}
