namespace Dispatch.Application.Common;

/// <summary>A node this node escalates to, by id; <paramref name="Emergency"/> marks the one Emergency whistles may skip to.</summary>
internal sealed record UpstreamNode(string Id, bool Emergency);
