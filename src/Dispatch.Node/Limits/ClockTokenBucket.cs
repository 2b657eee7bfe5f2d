using System.Threading.RateLimiting;

namespace Dispatch.Node.Limits;

/// <summary>
/// A token bucket that refills continuously from the node's <see cref="TimeProvider"/> when asked, with no timer of its
/// own: <see cref="TokenBucketRateLimiter"/> replenishes on a real-time timer (or only when told), so a test could not
/// move it with a fake clock. Never queues: a request without a token is refused at once, with the time until one
/// is available as its retry-after.
/// </summary>
internal sealed class ClockTokenBucket(RateLimit limit, TimeProvider clock) : RateLimiter
{
    private readonly Lock _lock = new();
    private double _tokens = limit.Burst;
    private long _refilledAt = clock.GetTimestamp();
    private long _takenAt = clock.GetTimestamp();

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                Refill();
                if (_tokens < limit.Burst)
                {
                    return null;
                }

                // The partitioned limiter drops buckets idle for a while: a new one starts full, as this one is.
                return clock.GetElapsedTime(_takenAt);
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)_tokens };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            Refill();
            if (_tokens >= Math.Max(permitCount, 1))
            {
                _tokens -= permitCount;
                _takenAt = _refilledAt;
                return Lease.Acquired;
            }

            return new Lease(TimeSpan.FromSeconds((Math.Max(permitCount, 1) - _tokens) / limit.PerSecond));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Refill()
    {
        var now = clock.GetTimestamp();
        var elapsed = clock.GetElapsedTime(_refilledAt, now);
        if (elapsed > TimeSpan.Zero)
        {
            _tokens = Math.Min(limit.Burst, _tokens + (elapsed.TotalSeconds * limit.PerSecond));
            _refilledAt = now;
        }
    }

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
