namespace Dispatch.Node.Bench;

/// <summary>
/// The <c>report</c> mode's settings; <paramref name="NodePid"/> (optional) adds the node's CPU to the figures.
/// <paramref name="Connections"/>: HTTP/2 connections the callers are spread over (round robin), each a channel of
/// its own signed in with the same token: 1 is every caller on one connection, as one app multiplexing them;
/// <paramref name="Concurrency"/> is every caller on its own, as grid workers each with a phone.
/// <paramref name="Rate"/>: calls/s offered on a fixed schedule (see <see cref="ReportSchedule"/>); none is back to back.
/// </summary>
internal sealed record ReportOptions(
    Uri Address, int Concurrency, TimeSpan Duration, TimeSpan Warmup, string User, string Password, string GridId, int? NodePid, int Connections = 1, int? Rate = null);
