namespace Dispatch.Domain.Directory;

/// <summary>
/// When wrong passwords lock an account: <see cref="MaxFailures"/> in a row, each within <see cref="FailureWindow"/> of
/// the one before (after a longer pause the count starts again). A locked account stays locked until an
/// administrator unlocks it.
/// </summary>
public sealed record SignInLockout(int MaxFailures, TimeSpan FailureWindow)
{
    /// <summary>A failure before this moment no longer counts towards a lockout.</summary>
    public DateTimeOffset CountsSince(DateTimeOffset now) => now - FailureWindow;
}
