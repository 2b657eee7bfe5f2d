namespace Dispatch.Node.Bench;

/// <summary>The <c>report</c> mode's settings; <paramref name="NodePid"/> (optional) adds the node's CPU to the figures.</summary>
internal sealed record ReportOptions(
    Uri Address, int Concurrency, TimeSpan Duration, TimeSpan Warmup, string User, string Password, string GridId, int? NodePid);
