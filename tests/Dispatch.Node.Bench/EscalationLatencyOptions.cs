namespace Dispatch.Node.Bench;

/// <summary>
/// The <c>escalate-latency</c> mode's settings: the three members of the chain, the offered rate, the
/// unmeasured warm-up, the measured window and how long to wait for the last escalations to arrive.
/// <paramref name="Nodes"/> (optional, name and process id) adds the nodes' CPU to the figures.
/// </summary>
internal sealed record EscalationLatencyOptions(
    Uri Village,
    Uri Town,
    Uri District,
    string VillageId,
    string TownId,
    int Rate,
    TimeSpan Duration,
    TimeSpan Warmup,
    TimeSpan Drain,
    string Password,
    IReadOnlyList<(string Name, int Pid)> Nodes);
