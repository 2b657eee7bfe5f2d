namespace Dispatch.Node.Bench;

/// <summary>
/// The <c>escalate-faults</c> mode's settings: how many escalations to make at the village, by how many
/// concurrent callers, each call's deadline and how long one escalation may keep retrying while the
/// village is down. <paramref name="RunId"/> marks the run's cases (request ids and titles).
/// </summary>
internal sealed record EscalationFaultOptions(
    Uri Village, string RunId, int Count, int Concurrency, TimeSpan CallTimeout, TimeSpan GiveUpAfter, string Password);
