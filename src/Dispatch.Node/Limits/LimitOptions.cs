using Dispatch.Application.SignIn;

namespace Dispatch.Node.Limits;

/// <summary>
/// The node's limits (section <c>Limits</c>). The defaults sit well above what the service levels ask for: intake is
/// thousands of reports a second from a few signed-in users, and a child node sends its escalations in bursts; they
/// stop a runaway or hostile caller from taking the node from everyone else.
/// </summary>
public sealed class LimitOptions
{
    /// <summary>Calls of one signed-in user (all their connections together).</summary>
    public RateLimit PerUser { get; set; } = new() { PerSecond = 20_000, Burst = 40_000 };

    /// <summary>Calls of one child node with its node credential.</summary>
    public RateLimit PerNode { get; set; } = new() { PerSecond = 20_000, Burst = 40_000 };

    /// <summary>Calls without a credential (sign-in, health, reflection, the sign-in page), per remote address.</summary>
    public RateLimit PerAddress { get; set; } = new() { PerSecond = 2_000, Burst = 4_000 };

    /// <summary>Open WatchCases and Subscribe streams of one caller (user or child node) at once.</summary>
    public int StreamsPerCaller { get; set; } = 100;

    /// <summary>Concurrent HTTP/2 streams (calls) on one connection (Kestrel's own default); a client opens more connections past it.</summary>
    public int StreamsPerConnection { get; set; } = 100;

    public SignInLimits SignIn { get; set; } = new();
}
