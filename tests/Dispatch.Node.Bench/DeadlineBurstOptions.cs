namespace Dispatch.Node.Bench;

/// <summary>
/// The <c>deadline-burst</c> mode's settings (see <see cref="DeadlineBurst"/>). <see cref="Wait"/>: how long after the
/// last deadline to wait for the supervision orders; <see cref="ReportOnly"/>: report the cases, print the last deadline
/// and return (the caller checks the database).
/// </summary>
internal sealed record DeadlineBurstOptions(
    Uri Address,
    int Count,
    TimeSpan Spread,
    string Category,
    long FromSequence,
    string Password,
    string GridId,
    int? NodePid,
    TimeSpan Wait,
    bool ReportOnly);
