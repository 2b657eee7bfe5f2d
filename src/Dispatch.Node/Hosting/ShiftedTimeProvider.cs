namespace Dispatch.Node.Hosting;

/// <summary>
/// The system clock moved by a fixed offset (<c>Node:ClockOffset</c>): a drill or a test can start a node
/// "a day later" to see what the deadlines do with the time that passed, without waiting for it. Timers and
/// timestamps are the system's; only the wall-clock reading moves.
/// </summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    public override long GetTimestamp() => System.GetTimestamp();

    public override long TimestampFrequency => System.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);
}
