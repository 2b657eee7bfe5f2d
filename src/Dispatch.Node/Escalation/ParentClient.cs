using Dispatch.Contracts.V1;
using Dispatch.Node.Hosting;
using Dispatch.Node.Security;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Escalation;

/// <summary>
/// This node's connections to the nodes it escalates to: its parent, and the emergency parent when
/// configured (child -> parent connections only, so nodes behind NAT work). Every call carries this
/// node's credential for that link.
/// </summary>
internal sealed class ParentClient : IDisposable
{
    private readonly List<GrpcChannel> _channels = [];
    private readonly Dictionary<string, EscalationService.EscalationServiceClient> _clients = [];

    public ParentClient(IOptions<NodeOptions> options, NodeCredentials credentials, NodeCertificates certificates)
    {
        foreach (var upstream in options.Value.Upstreams())
        {
            var callCredentials = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", "Bearer " + credentials.CredentialFor(upstream));
                return Task.CompletedTask;
            });
            var secure = upstream.Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            var channel = GrpcChannel.ForAddress(upstream.Url, new GrpcChannelOptions
            {
                Credentials = ChannelCredentials.Create(secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, callCredentials),
                UnsafeUseInsecureChannelCallCredentials = !secure,
                HttpHandler = LinkHandler(options.Value, secure && certificates.Enabled ? certificates : null),
                DisposeHttpClient = true,
            });
            _channels.Add(channel);
            _clients[upstream.Id] = new EscalationService.EscalationServiceClient(channel);
            Upstreams.Add(upstream);
            if (!upstream.Emergency)
            {
                Escalations = _clients[upstream.Id];
            }
        }
    }

    /// <summary>The parent's escalation service; null on a node without a parent.</summary>
    public EscalationService.EscalationServiceClient? Escalations { get; }

    public List<Upstream> Upstreams { get; } = [];

    /// <summary>The escalation service of one upstream node, by id.</summary>
    public EscalationService.EscalationServiceClient For(string upstreamId) =>
        _clients.TryGetValue(upstreamId, out var client)
            ? client
            : throw new InvalidOperationException($"No link to node '{upstreamId}' is configured.");

    /// <summary>
    /// The connections of one link: PINGs while calls are open (the subscription always is), so a link
    /// whose packets vanish is dropped within delay + timeout and the calls on it fail and are retried on
    /// a fresh connection, and a bounded connect, so a retry during the partition fails instead of waiting.
    /// Over TLS with certificates of its own, the node shows its client certificate (mutual TLS) and trusts the
    /// configured authorities for the parent's.
    /// </summary>
    private static SocketsHttpHandler LinkHandler(NodeOptions node, NodeCertificates? certificates) => new()
    {
        SslOptions = certificates?.Link() ?? new(),
        EnableMultipleHttp2Connections = true,
        UseProxy = false,
        AllowAutoRedirect = false,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        ConnectTimeout = node.ParentConnectTimeout,
        KeepAlivePingDelay = node.ParentKeepAliveDelay,
        KeepAlivePingTimeout = node.ParentKeepAliveTimeout,
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
    };

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
