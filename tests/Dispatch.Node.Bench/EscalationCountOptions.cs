namespace Dispatch.Node.Bench;

/// <summary>
/// The <c>escalate-count</c> mode's settings: both sides of the link, the run whose cases to count, how
/// many escalations the run made and how long the relay may take to drain.
/// </summary>
internal sealed record EscalationCountOptions(
    Uri Village, Uri Town, string VillageId, string RunId, int Expected, TimeSpan DrainTimeout, string Password);
