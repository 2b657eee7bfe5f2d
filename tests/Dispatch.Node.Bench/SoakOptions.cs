namespace Dispatch.Node.Bench;

/// <summary>
/// The soak: the local platform's four members, how long, how much load, and how often to sample. Rates are per
/// village (reports) and per node (lists); <see cref="DeadlineLimit"/> is the limit the nodes give category
/// <see cref="DeadlineBurst.Category"/> (the script starts them with it), so those cases breach during the run.
/// </summary>
internal sealed record SoakOptions(
    IReadOnlyList<SoakNode> Nodes,
    TimeSpan Duration,
    int ReportRate,
    int ListRate,
    int Watches,
    TimeSpan DeadlineLimit,
    TimeSpan Sample,
    TimeSpan Drain,
    string Password);

/// <summary>One member of the platform: its id, gRPC address, tier and (for memory samples) process id.</summary>
internal sealed record SoakNode(string Id, Uri Address, string Tier, int? Pid);
