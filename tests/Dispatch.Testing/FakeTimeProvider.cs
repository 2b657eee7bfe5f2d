namespace Dispatch.Testing;

/// <summary>
/// A clock that moves only when told. Timers created through it (Task.Delay, WaitAsync, CancelAfter
/// with this provider) fire when <see cref="Advance"/> passes their due time, so tests never sleep.
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly object _lock = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now = start;
    private long _timestamp;

    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero))
    {
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _timestamp;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Whether a timer is set to fire at exactly <paramref name="at"/> (something waits on this clock for that instant).</summary>
    public bool HasTimerDueAt(DateTimeOffset at)
    {
        lock (_lock)
        {
            return _timers.Any(t => t.DueAt == at);
        }
    }

    /// <summary>Moves the clock forward and runs every timer callback that came due, in due order.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + by;
        }

        while (true)
        {
            FakeTimer? next;
            lock (_lock)
            {
                next = _timers.Where(t => t.DueAt is { } due && due <= target).MinBy(t => t.DueAt);
                var moveTo = next?.DueAt ?? target;
                _timestamp += (moveTo - _now).Ticks;
                _now = moveTo;
                if (next is null)
                {
                    return;
                }

                next.Fired();
            }

            next.Invoke();
        }
    }

    /// <summary>
    /// Moves the clock forward at once, as a machine waking from sleep: every timer that came due fires
    /// once, in due order, with the clock already at its new time. A periodic timer, or a loop that waits
    /// again as soon as it wakes, does not run once per interval jumped over (a day of one-second polls
    /// would be 86,400 rounds of work inside the call).
    /// </summary>
    public void Jump(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        List<FakeTimer> due;
        lock (_lock)
        {
            var target = _now + by;
            due = _timers.Where(t => t.DueAt is { } at && at <= target).OrderBy(t => t.DueAt).ToList();
            _timestamp += by.Ticks;
            _now = target;
            foreach (var timer in due)
            {
                timer.FiredAt(target);
            }
        }

        foreach (var timer in due)
        {
            timer.Invoke();
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    DueAt = null;
                    owner._timers.Remove(this);
                }
                else
                {
                    DueAt = owner._now + dueTime;
                    if (!owner._timers.Contains(this))
                    {
                        owner._timers.Add(this);
                    }
                }
            }

            return true;
        }

        /// <summary>After a jump to <paramref name="now"/>: a periodic timer's next tick is the first one after it.</summary>
        public void FiredAt(DateTimeOffset now)
        {
            Fired();
            while (DueAt is { } next && next <= now)
            {
                DueAt = next + _period;
            }
        }

        public void Fired()
        {
            if (_period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero)
            {
                DueAt = null;
                owner._timers.Remove(this);
            }
            else
            {
                DueAt += _period;
            }
        }

        public void Invoke() => callback(state);

        public void Dispose() => Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
