namespace Dispatch.Node.Limits;

/// <summary>A token bucket's size: <see cref="PerSecond"/> calls a second on average, <see cref="Burst"/> at once.</summary>
public sealed class RateLimit
{
    public double PerSecond { get; set; }

    public int Burst { get; set; }
}
