using Dispatch.Application.Deadlines;
using Dispatch.Data;
using Dispatch.Node.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Dispatch.Node.Deadlines;

/// <summary>
/// Fires deadlines at their exact times through Quartz, with its persistent job store in the node's own
/// database (clustered on PostgreSQL, so replicas share the triggers and each fires once). Scheduling is
/// kept off the intake path: cases carry their next alarm as indexed data, and Quartz holds only the
/// trigger of the earliest alarm pending (plus any earlier one a commit brought, which is rare: new
/// deadlines mostly fall after the earliest already pending). Each firing runs one sweep
/// (<see cref="DeadlineAlarms"/>) of everything due, then schedules the next earliest alarm. A safety
/// trigger sweeps every <see cref="DeadlineOptions.SafetySweep"/>, and a sweep at start fires once what
/// fell due while the node was down.
/// </summary>
internal sealed partial class AlarmScheduler(
    DeadlineSettings deadlines,
    DeadlineAlarms alarms,
    PolicyRollout rollout,
    AlarmSignal signal,
    DatabaseSettings database,
    IOptions<NodeOptions> options,
    TimeProvider clock,
    ILogger<AlarmScheduler> logger) : IHostedService
{
    private const string Group = "deadlines";
    private static readonly JobKey SweepKey = new("sweep", Group);
    private const string PolicyKey = "policy";
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    private readonly object _gate = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private IScheduler? _scheduler;
    private Task? _scheduling;
    private Task? _rollout;

    // The earliest trigger known to be pending; MaxValue while a sweep is working out the next one, so
    // that a commit made meanwhile schedules its own alarm rather than count on the sweep's query.
    private DateTimeOffset _scheduledAt = DateTimeOffset.MaxValue;
    private DateTimeOffset? _requested;

    /// <summary>Sweeps run so far in this process (for tests and diagnostics).</summary>
    public int Sweeps { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!deadlines.Enabled)
        {
            return;
        }

        var node = options.Value;
        var scheduler = await QuartzSchedulerBuilder.Create(q =>
            {
                // Replicas of one node share its name (clustering keys the triggers by it), each with its own instance id.
                q.ConfigureScheduler(scheduler =>
                {
                    scheduler.InstanceName = $"dispatch-{node.Id}";
                    scheduler.GenerateInstanceId = true;
                });
                q.UseTimeProvider(clock);
                q.UseDefaultThreadPool(pool => pool.MaxConcurrency = 2);
                q.UsePersistentStore(store =>
                {
                    store.UseSystemTextJsonSerializer();
                    if (database.Provider == DatabaseProvider.Postgres)
                    {
                        store.UsePostgres(database.ConnectionString);
                        store.UseClustering();
                    }
                    else
                    {
                        store.UseSqlite(database.ConnectionString);
                    }

                    store.ProvisionSchema();
                });
            }).BuildScheduler(cancellationToken);
        scheduler.Context[nameof(AlarmScheduler)] = this;

        // The sweep job keeps the fingerprint of the policy the running cases were scheduled by; a changed
        // policy is rolled out to them in the background, and recorded once that is done.
        var policy = deadlines.Policy!;
        var fingerprint = PolicyRollout.Fingerprint(policy);
        var stored = (await scheduler.GetJobDetail(SweepKey, cancellationToken))?.JobDataMap.GetString(PolicyKey) ?? fingerprint;
        await scheduler.AddJob(SweepJobWith(stored), AddJobOptions.Replacing, cancellationToken);
        var safetySweep = deadlines.Options.SafetySweep ?? (database.Provider == DatabaseProvider.Postgres ? TimeSpan.FromSeconds(30) : TimeSpan.Zero);
        var safetyKey = new TriggerKey("safety", Group);
        if (safetySweep > TimeSpan.Zero)
        {
            var safety = TriggerBuilder.Create()
                .WithIdentity(safetyKey)
                .ForJob(SweepKey)
                .StartAt(clock.GetUtcNow() + safetySweep)
                .WithSimpleSchedule(s => s.WithInterval(safetySweep).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build();
            await scheduler.ScheduleTrigger(safety, TriggerConflict.Replace, cancellationToken);
        }
        else
        {
            await scheduler.UnscheduleJob(safetyKey, cancellationToken);
        }

        _scheduler = scheduler;
        signal.Listen(Request);
        _scheduling = Task.Run(() => ScheduleRequestedAsync(_stopping.Token), CancellationToken.None);

        // What fell due while the node was down fires now, once.
        await ScheduleAsync(clock.GetUtcNow(), cancellationToken);
        await scheduler.Start(cancellationToken);
        if (stored != fingerprint)
        {
            _rollout = Task.Run(
                async () =>
                {
                    await rollout.ApplyAsync(policy, _stopping.Token);
                    await scheduler.AddJob(SweepJobWith(fingerprint), AddJobOptions.Replacing, _stopping.Token);
                },
                CancellationToken.None);
        }
    }

    /// <summary>Completes when a policy change found at start has been applied to the running cases (at once when none was).</summary>
    public Task PolicyRolledOut => _rollout ?? Task.CompletedTask;

    private static IJobDetail SweepJobWith(string policyFingerprint) =>
        JobBuilder.Create<SweepJob>().WithIdentity(SweepKey).StoreDurably().UsingJobData(PolicyKey, policyFingerprint).Build();

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

        if (_scheduler is not null)
        {
            await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    /// <summary>A commit wrote an alarm at <paramref name="at"/>; schedule it if nothing earlier is pending.</summary>
    private void Request(DateTimeOffset at)
    {
        lock (_gate)
        {
            if (at >= _scheduledAt)
            {
                return;
            }

            _scheduledAt = at;
            _requested = _requested is { } pending && pending < at ? pending : at;
        }

        _wake.Release();
    }

    /// <summary>Off the writer's thread: schedules the earliest requested alarm (requests made meanwhile are merged).</summary>
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
                    await ScheduleAsync(due, stoppingToken);
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

    /// <summary>Adds a one-off trigger of the sweep at <paramref name="at"/>; triggers only add up, none is moved.</summary>
    private async Task ScheduleAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = _scheduler ?? throw new InvalidOperationException("The scheduler has not started.");
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"at-{at.UtcTicks}", Group)
            .ForJob(SweepKey)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        // Another replica (or an earlier request) may have scheduled the same instant: one is enough.
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
    }

    /// <summary>One firing: everything due, then the trigger of the next earliest alarm.</summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _scheduledAt = DateTimeOffset.MaxValue;
        }

        var (next, fired, failed) = await alarms.SweepAsync(cancellationToken);
        Sweeps++;
        if (fired > 0 || failed > 0)
        {
            LogSwept(logger, fired, failed);
        }

        if (failed > 0)
        {
            var retry = clock.GetUtcNow() + RetryAfterFailure;
            next = next is { } n && n > retry ? n : retry;
        }

        if (next is { } due)
        {
            bool schedule;
            lock (_gate)
            {
                schedule = due < _scheduledAt;
                if (schedule)
                {
                    _scheduledAt = due;
                }
            }

            if (schedule)
            {
                await ScheduleAsync(due, cancellationToken);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Deadlines: {Fired} alarms fired, {Failed} failed.")]
    private static partial void LogSwept(ILogger logger, int fired, int failed);

    [LoggerMessage(2, LogLevel.Error, "Deadlines: scheduling failed ({Message}); the safety sweep will catch up.")]
    private static partial void LogScheduleFailed(ILogger logger, string message);

    /// <summary>The one job: a sweep. Never two at once, in this process or (clustered) in any replica.</summary>
    [DisallowConcurrentExecution]
    private sealed class SweepJob : IJob
    {
        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
            await ((AlarmScheduler)context.Scheduler.Context[nameof(AlarmScheduler)]!).SweepAsync(cancellationToken);
    }
}
