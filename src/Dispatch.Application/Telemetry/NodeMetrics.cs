using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dispatch.Application.Escalation;

namespace Dispatch.Application.Telemetry;

/// <summary>
/// The node's own meter, <see cref="MeterName"/>: one per node (from the node's <see cref="IMeterFactory"/>, so nodes
/// sharing a process each report their own). The counters and histograms are recorded on code paths that run anyway
/// (a report's reply, a commit, a sweep, an applied parent update); the gauges are read when a collector asks
/// (<see cref="NodeGauges"/>, <see cref="ParentLinks"/>), so nothing is queried per request.
/// </summary>
internal sealed class NodeMetrics
{
    public const string MeterName = "Dispatch.Node";

    /// <summary>Bucket bounds in seconds for the node's durations (intake, a commit): 0.5 ms to 10 s.</summary>
    private static readonly IReadOnlyList<double> DurationBuckets =
        [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];

    /// <summary>Bucket bounds in seconds for delays between tiers: 1 ms to an hour.</summary>
    private static readonly IReadOnlyList<double> LagBuckets =
        [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600];

    private static readonly IReadOnlyList<int> BatchBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256];

    private readonly Counter<long> _reports;
    private readonly Histogram<double> _intake;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _commit;
    private readonly Histogram<double> _phase;
    private readonly Counter<int> _retries;
    private readonly Counter<long> _alarmsFired;
    private readonly Counter<long> _alarmsFailed;
    private readonly Histogram<double> _subscriptionLag;

    public NodeMetrics(IMeterFactory meters, NodeGauges gauges, ParentLinks links)
    {
        var meter = meters.Create(MeterName);
        _reports = meter.CreateCounter<long>("dispatch.intake.reports", "{reports}", "Reports taken: new cases committed (a repeated request id is not counted again).");
        _intake = meter.CreateHistogram("dispatch.intake.duration", "s", "Time from a report's arrival in the application to its durable commit.", advice: Seconds(DurationBuckets));
        _batchSize = meter.CreateHistogram("dispatch.writer.batch.size", "{items}", "Work items the single writer committed together.", advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchBuckets });
        _commit = meter.CreateHistogram("dispatch.writer.batch.duration", "s", "Time of one batch of the single writer, from its transaction's start to its durable commit.", advice: Seconds(DurationBuckets));
        _phase = meter.CreateHistogram<double>("dispatch.writer.phase.duration", "ms", "Time of one phase of the writer: idle (waiting for work), begin (a context, the log checkpoint on SQLite, the transaction), items (the domain work and its reads), insert (new cases), save (changed rows), commit (durable).");
        _retries = meter.CreateCounter<int>("dispatch.writer.batch.retries", "{batches}", "Batches whose shared commit failed and were run again: retry=checked (whole, every check made), retry=alone (each item on its own, after the checked retry failed too).");
        _alarmsFired = meter.CreateCounter<long>("dispatch.alarms.fired", "{alarms}", "Alarms acted on by the deadline sweeps (a case's reminder, breach or supervision breach; an unanswered summons).");
        _alarmsFailed = meter.CreateCounter<long>("dispatch.alarms.failed", "{alarms}", "Alarms a sweep could not act on; they stay due and are retried.");
        _subscriptionLag = meter.CreateHistogram("dispatch.subscription.lag", "s", "How long after the parent recorded it a parent's update was applied here (parent=the node it came from; includes any clock difference between the nodes).", advice: Seconds(LagBuckets));
        meter.CreateObservableGauge("dispatch.alarms.due", gauges.AlarmsDue, "{alarms}", "Cases and summons whose next alarm is due now and not yet acted on.");
        meter.CreateObservableGauge("dispatch.outbox.pending", gauges.OutboxPending, "{messages}", "Outbox messages waiting for the parent (neither delivered nor refused).");
        meter.CreateObservableGauge("dispatch.outbox.oldest.age", gauges.OutboxOldestAge, "s", "Age of the oldest outbox message waiting for the parent (0: none waiting).");
        meter.CreateObservableGauge("dispatch.supervision.orders.open", gauges.OpenSupervisionOrders, "{orders}", "Supervision orders not yet settled, by status (open, breached).");
        meter.CreateObservableGauge("dispatch.subscription.connected", links.Connected, "{links}", "1 while the subscription to a parent's updates is open, else 0 (parent=the node).");
        meter.CreateObservableGauge("dispatch.subscription.down", links.Down, "s", "How long the subscription to a parent's updates has been down (0 while it is open; parent=the node).");
    }

    /// <summary>A report committed; <paramref name="started"/> is its <see cref="Stopwatch"/> timestamp on arrival.</summary>
    public void ReportTaken(long started, bool created)
    {
        _intake.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        if (created)
        {
            _reports.Add(1);
        }
    }

    public void BatchCommitted(int items, long started)
    {
        _batchSize.Record(items);
        _commit.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    public void WriterPhase(string phase, TimeSpan elapsed) =>
        _phase.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("phase", phase));

    public void BatchRetried(string kind) => _retries.Add(1, new KeyValuePair<string, object?>("retry", kind));

    public void AlarmsSwept(int fired, int failed)
    {
        if (fired > 0)
        {
            _alarmsFired.Add(fired);
        }

        if (failed > 0)
        {
            _alarmsFailed.Add(failed);
        }
    }

    public void ParentUpdateApplied(string parentId, TimeSpan lag) =>
        _subscriptionLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("parent", parentId));

    private static InstrumentAdvice<double> Seconds(IReadOnlyList<double> buckets) => new() { HistogramBucketBoundaries = buckets };
}
