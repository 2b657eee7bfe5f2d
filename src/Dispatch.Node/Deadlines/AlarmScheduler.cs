using Dispatch.Application.Deadlines;
using Dispatch.Application.Telemetry;
using Hangfire;

namespace Dispatch.Node.Deadlines;

/// <summary>
/// Fires deadlines at their exact times through Hangfire. Scheduling is kept off the intake path: cases carry their
/// next alarm as indexed data, and Hangfire holds only a trigger job at the earliest alarm pending (plus any earlier
/// one a commit brought, which is rare: new deadlines mostly fall after the earliest already pending). Each trigger
/// runs one sweep (<see cref="DeadlineAlarms"/>) of everything due, then schedules the next earliest alarm, or waits
/// for it itself when it is within <see cref="DeadlineOptions.SweepHorizon"/>. A recurring safety sweep
/// (<see cref="SafetySweepSchedule"/>) catches what a lost trigger left, and a sweep at start fires once what fell due
/// while the node was down and schedules the next trigger again (in-memory job storage forgets it).
/// </summary>
internal sealed partial class AlarmScheduler(
    DeadlineSettings deadlines,
    DeadlineAlarms alarms,
    PolicyRollout rollout,
    PolicyRecord policies,
    AlarmSignal signal,
    IBackgroundJobClient jobs,
    NodeMetrics metrics,
    TimeProvider clock,
    ILogger<AlarmScheduler> logger) : IHostedService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    /// <summary>Hangfire keeps a job's time in whole seconds and may start it up to a second early; the trigger waits that out.</summary>
    private static readonly TimeSpan EarlyStart = TimeSpan.FromSeconds(2);

    /// <summary>A trigger still pending this long after its instant was lost (its job failed for good); another may be scheduled.</summary>
    private static readonly TimeSpan LostAfter = TimeSpan.FromMinutes(1);

    private readonly object _gate = new();
    private readonly SortedSet<DateTimeOffset> _pending = [];
    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _sweeping = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private DateTimeOffset? _requested;
    private Task? _scheduling;
    private Task? _rollout;
    private int _sweeps;

    /// <summary>Sweeps run so far in this process (for diagnostics and tests).</summary>
    public int Sweeps => Volatile.Read(ref _sweeps);

    /// <summary>Completes when a policy change found at start has been applied to the running cases (at once when none was).</summary>
    public Task PolicyRolledOut => _rollout ?? Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!deadlines.Enabled)
        {
            return;
        }

        signal.Listen(Request);
        _scheduling = Task.Run(() => ScheduleRequestedAsync(_stopping.Token), CancellationToken.None);

        // What fell due while the node was down fires now, once; the sweep then schedules the next trigger.
        ScheduleIfEarliest(clock.GetUtcNow());

        // The fingerprint of the policy the running cases were scheduled by: a changed policy is rolled out to them
        // in the background, and recorded once that is done.
        var policy = deadlines.Policy!;
        var fingerprint = PolicyRollout.Fingerprint(policy);
        var stored = await policies.ReadAsync(cancellationToken);
        if (stored is null)
        {
            await policies.WriteAsync(fingerprint, cancellationToken);
        }
        else if (stored != fingerprint)
        {
            _rollout = Task.Run(
                async () =>
                {
                    await rollout.ApplyAsync(policy, _stopping.Token);
                    await policies.WriteAsync(fingerprint, _stopping.Token);
                },
                CancellationToken.None);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        foreach (var running in new[] { _scheduling, _rollout })
        {
            if (running is not null)
            {
                await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>The trigger job: waits out what is left before <paramref name="at"/> on the node's clock, then sweeps.</summary>
    public async Task SweepAtAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var early = at - clock.GetUtcNow();
        if (early > (Horizon > EarlyStart ? Horizon : EarlyStart))
        {
            // Far too early (the node's clock was set back since it was scheduled): leave it to a job at the time.
            lock (_gate)
            {
                _pending.Remove(at);
            }

            ScheduleIfEarliest(at);
            return;
        }

        await WaitForAsync(at, cancellationToken);
        await SweepAndFollowAsync(cancellationToken);
    }

    /// <summary>The recurring safety sweep: everything due now.</summary>
    public Task SafetySweepAsync(CancellationToken cancellationToken) =>
        deadlines.Enabled ? SweepAndFollowAsync(cancellationToken) : Task.CompletedTask;

    private TimeSpan Horizon => deadlines.Options.SweepHorizon;

    /// <summary>Sweeps; while the next alarm is within the horizon, waits for it and sweeps again; then schedules the next trigger.</summary>
    private async Task SweepAndFollowAsync(CancellationToken cancellationToken)
    {
        while (await SweepAsync(cancellationToken) is { } next)
        {
            var wait = next - clock.GetUtcNow();
            if (wait > Horizon || !Claim(next))
            {
                ScheduleIfEarliest(next);
                return;
            }

            // Close by: a new job would start later than this run can be there.
            await WaitForAsync(next, cancellationToken);
        }
    }

    /// <summary>Waits on the node's clock until <paramref name="at"/>; the trigger for it is no longer pending then.</summary>
    private async Task WaitForAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var wait = at - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }

        lock (_gate)
        {
            _pending.Remove(at);
        }
    }

    /// <summary>One sweep of everything due (one at a time in this process); returns the next alarm, sooner after a failure.</summary>
    private async Task<DateTimeOffset?> SweepAsync(CancellationToken cancellationToken)
    {
        await _sweeping.WaitAsync(cancellationToken);
        try
        {
            // A span of its own: what the sweep escalates carries it to the parent.
            using var span = NodeTracing.Source.StartActivity("dispatch.deadlines.sweep");
            var (next, fired, failed) = await alarms.SweepAsync(cancellationToken);
            span?.SetTag("dispatch.alarms.fired", fired);
            Interlocked.Increment(ref _sweeps);
            metrics.AlarmsSwept(fired, failed);
            if (fired > 0 || failed > 0)
            {
                LogSwept(logger, fired, failed);
            }

            if (failed > 0)
            {
                var retry = clock.GetUtcNow() + RetryAfterFailure;
                next = next is { } n && n > retry ? n : retry;
            }

            return next;
        }
        finally
        {
            _sweeping.Release();
        }
    }

    /// <summary>This run will sweep at <paramref name="at"/> itself, unless a trigger at or before it is already pending.</summary>
    private bool Claim(DateTimeOffset at)
    {
        lock (_gate)
        {
            if (EarliestPending() <= at)
            {
                return false;
            }

            _pending.Add(at);
            return true;
        }
    }

    /// <summary>A commit wrote an alarm at <paramref name="at"/>; schedule it off the writer's thread if nothing at or before it is pending.</summary>
    private void Request(DateTimeOffset at)
    {
        lock (_gate)
        {
            if (at >= EarliestPending() || _requested <= at)
            {
                return;
            }

            _requested = at;
        }

        _wake.Release();
    }

    /// <summary>Schedules the earliest requested alarm (requests made meanwhile are merged).</summary>
    private async Task ScheduleRequestedAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(stoppingToken);
                DateTimeOffset? at;
                lock (_gate)
                {
                    at = _requested;
                    _requested = null;
                }

                if (at is { } due)
                {
                    ScheduleIfEarliest(due);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogScheduleFailed(logger, ex.Message);
            }
        }
    }

    /// <summary>A trigger job at <paramref name="at"/>, unless one at or before it is pending in this process.</summary>
    private void ScheduleIfEarliest(DateTimeOffset at)
    {
        lock (_gate)
        {
            if (EarliestPending() <= at)
            {
                return;
            }

            _pending.Add(at);
        }

        try
        {
            // Hangfire counts time on the machine's clock: the job is given its delay on the node's.
            var delay = at - clock.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                jobs.Schedule<DeadlineSweepJob>(job => job.SweepAtAsync(at, CancellationToken.None), delay);
            }
            else
            {
                jobs.Enqueue<DeadlineSweepJob>(job => job.SweepAtAsync(at, CancellationToken.None));
            }
        }
        catch
        {
            lock (_gate)
            {
                _pending.Remove(at);
            }

            throw;
        }
    }

    /// <summary>The earliest trigger pending in this process (MaxValue: none); forgets those long past, whose jobs were lost.</summary>
    private DateTimeOffset EarliestPending()
    {
        var lost = clock.GetUtcNow() - LostAfter;
        while (_pending.Count > 0 && _pending.Min < lost)
        {
            _pending.Remove(_pending.Min);
        }

        return _pending.Count > 0 ? _pending.Min : DateTimeOffset.MaxValue;
    }

    [LoggerMessage(1, LogLevel.Information, "Deadlines: {Fired} alarms fired, {Failed} failed.")]
    private static partial void LogSwept(ILogger logger, int fired, int failed);

    [LoggerMessage(2, LogLevel.Error, "Deadlines: scheduling failed ({Message}); the safety sweep will catch up.")]
    private static partial void LogScheduleFailed(ILogger logger, string message);
}
