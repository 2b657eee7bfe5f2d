namespace Dispatch.Application.Common;

/// <summary>
/// What the use cases need to know about the node they run on, as plain values: the host builds it from its
/// configuration, so the application does not read the host's options.
/// </summary>
internal sealed record NodeSettings(string Id, string Name, string Tier, string? ParentId, IReadOnlyList<UpstreamNode> Upstreams, bool EmergencySkipsTier)
{
    public bool HasParent => ParentId is not null;

    /// <summary>The node that supervises this one: its parent, or itself at the top.</summary>
    public string SupervisorId => ParentId ?? Id;

    /// <summary>Town and district centres summon departments; villages do not.</summary>
    public bool IsTownOrDistrict =>
        Tier.Equals("Town", StringComparison.OrdinalIgnoreCase) || Tier.Equals("District", StringComparison.OrdinalIgnoreCase);
}
