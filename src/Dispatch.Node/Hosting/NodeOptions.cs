namespace Dispatch.Node.Hosting;

/// <summary>The <c>Node:*</c> settings: who this node is and where it listens.</summary>
public sealed class NodeOptions
{
    public string Id { get; set; } = "local";

    public string Name { get; set; } = "Dispatch node";

    /// <summary>Village, Town or District.</summary>
    public string Tier { get; set; } = "District";

    /// <summary>The parent node's gRPC address; null for a district (no parent).</summary>
    public string? ParentUrl { get; set; }

    /// <summary>The parent node's id, as it names itself.</summary>
    public string? ParentId { get; set; }

    /// <summary>Base64 key (at least 32 bytes) the parent registered for this node: signs this node's credential.</summary>
    public string? ParentKey { get; set; }

    /// <summary>The child nodes allowed to escalate here, each with the key its credential is signed with.</summary>
    public List<ChildNodeOptions> Children { get; set; } = [];

    /// <summary>Policy: Emergency whistles skip a tier and go straight to the emergency parent (e.g. village to district).</summary>
    public bool EmergencySkipsTier { get; set; }

    /// <summary>The node an Emergency whistle skips to (the parent's parent), with its id and this node's key there.</summary>
    public string? EmergencyParentUrl { get; set; }

    public string? EmergencyParentId { get; set; }

    public string? EmergencyParentKey { get; set; }

    /// <summary>The nodes this node escalates to: its parent, and the emergency parent when configured.</summary>
    public IEnumerable<Upstream> Upstreams()
    {
        if (HasParent)
        {
            yield return new Upstream(ParentId ?? ParentUrl!, ParentUrl!, ParentKey ?? "", Emergency: false);
        }

        if (!string.IsNullOrEmpty(EmergencyParentUrl))
        {
            yield return new Upstream(EmergencyParentId ?? EmergencyParentUrl, EmergencyParentUrl, EmergencyParentKey ?? "", Emergency: true);
        }
    }

    /// <summary>Deadline of one call to the parent; a slower answer is retried (the parent de-duplicates).</summary>
    public TimeSpan ParentCallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the connection to a parent may go without a frame from it before this node sends an
    /// HTTP/2 PING, and how long it then waits for the answer before it drops the connection. A
    /// partition drops packets silently (no reset, no refusal): without the PINGs the subscription
    /// waits on a dead stream and calls queue on a dead connection until TCP gives up, minutes later.
    /// </summary>
    public TimeSpan ParentKeepAliveDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ParentKeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long opening a connection to a parent may take; an unanswered SYN is otherwise retried for about two minutes.</summary>
    public TimeSpan ParentConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The same for the connections of this node's own clients (child nodes' subscriptions, watches):
    /// a client gone silent behind a partition is PINGed and its connection dropped. Without it the
    /// stream stays open on a connection nobody will use again, its feed polled for ever.
    /// </summary>
    public TimeSpan ClientKeepAliveDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ClientKeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public bool HasParent => !string.IsNullOrEmpty(ParentUrl);

    /// <summary>The address both endpoints listen on: loopback unless the node must be reachable elsewhere.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    public int GrpcPort { get; set; } = 5001;

    public int HttpPort { get; set; } = 5000;

    /// <summary>Certificates: when set, both ports speak HTTPS and links between nodes are mutual TLS.</summary>
    public TlsOptions Tls { get; set; } = new();

    /// <summary>Where the node keeps its files (SQLite database, generated signing key).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Base64 HMAC key (at least 32 bytes) for signing tokens; generated into the data directory when empty.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Seeds the demo directory (grids, departments, users with demo passwords) on an empty database.</summary>
    public bool SeedDemo { get; set; }

    /// <summary>Runs the node's clock this far ahead of the system's (drills and tests; see <see cref="ShiftedTimeProvider"/>).</summary>
    public TimeSpan ClockOffset { get; set; }
}
