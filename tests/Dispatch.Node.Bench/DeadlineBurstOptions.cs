namespace Dispatch.Node.Bench;

/// <summary>The <c>deadline-burst</c> mode's settings (see <see cref="DeadlineBurst"/>).</summary>
internal sealed record DeadlineBurstOptions(
    Uri Address,
    int Count,
    TimeSpan Spread,
    string Category,
    long FromSequence,
    string Password,
    string GridId,
    int? NodePid);
