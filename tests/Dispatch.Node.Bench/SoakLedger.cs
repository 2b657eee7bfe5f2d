using System.Collections.Concurrent;

namespace Dispatch.Node.Bench;

/// <summary>
/// What the soak sent and saw, for the reckoning: each escalation that a node acknowledged (from which node, which
/// case, to which parent), each case given a short deadline (when due), and each breach seen on a node's feed.
/// </summary>
internal sealed class SoakLedger
{
    public sealed record Escalation(string FromNode, string CaseId, string ParentNode);

    public ConcurrentQueue<Escalation> Escalations { get; } = new();

    /// <summary>Cases with a short deadline, by (node, case id): when each falls due.</summary>
    public ConcurrentDictionary<(string Node, string CaseId), DateTimeOffset> Deadlines { get; } = new();

    /// <summary>CaseMarkedOverdue events seen on the feed, by (node, case id): when each was seen (wall clock).</summary>
    public ConcurrentDictionary<(string Node, string CaseId), ConcurrentQueue<DateTimeOffset>> Breaches { get; } = new();

    public void Escalated(string fromNode, string caseId, string parentNode) => Escalations.Enqueue(new Escalation(fromNode, caseId, parentNode));

    public void Breached(string node, string caseId) =>
        Breaches.GetOrAdd((node, caseId), _ => new ConcurrentQueue<DateTimeOffset>()).Enqueue(DateTimeOffset.UtcNow);
}
