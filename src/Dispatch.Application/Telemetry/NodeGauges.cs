using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dispatch.Application.Common;
using Dispatch.Data;
using Dispatch.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Telemetry;

/// <summary>
/// The node's state as gauges, read from the database when a collector asks (a scrape every few seconds, not per
/// request): pending outbox messages and the oldest one's age (the outbox's pending index), alarms due now (the
/// alarm indexes) and unsettled supervision orders (the status index). One read serves every gauge of a collection;
/// a failed read leaves the gauges out of that collection rather than failing it.
/// </summary>
internal sealed partial class NodeGauges(IDbContextFactory<DispatchDbContext> contexts, NodeSettings node, TimeProvider clock, ILogger<NodeGauges> logger)
{
    /// <summary>Gauges read within this long of each other share one read.</summary>
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Snapshot? _last;
    private long _readAt;

    internal IEnumerable<Measurement<long>> OutboxPending() =>
        Read() is { } s && node.HasParent ? [new(s.OutboxPending)] : [];

    internal IEnumerable<Measurement<double>> OutboxOldestAge() =>
        Read() is { } s && node.HasParent ? [new(s.OldestPendingAt is { } at ? Math.Max(0, (clock.GetUtcNow() - at).TotalSeconds) : 0)] : [];

    internal IEnumerable<Measurement<long>> AlarmsDue() =>
        Read() is { } s ? [new(s.AlarmsDue)] : [];

    internal IEnumerable<Measurement<long>> OpenSupervisionOrders() =>
        Read() is { } s
            ? [new(s.OrdersOpen, new KeyValuePair<string, object?>("status", "open")), new(s.OrdersBreached, new KeyValuePair<string, object?>("status", "breached"))]
            : [];

    private Snapshot? Read()
    {
        lock (_gate)
        {
            if (_last is null || Stopwatch.GetElapsedTime(_readAt) > Fresh)
            {
                try
                {
                    _last = Query();
                }
                catch (Exception ex)
                {
                    LogReadFailed(logger, ex.Message);
                    _last = null;
                }

                _readAt = Stopwatch.GetTimestamp();
            }

            return _last;
        }
    }

    private Snapshot Query()
    {
        using var context = contexts.CreateDbContext();
        var now = clock.GetUtcNow();
        var pending = context.Outbox.AsNoTracking().Where(m => m.DeliveredAt == null && m.RefusedAt == null);
        var outboxPending = pending.LongCount();
        var oldest = outboxPending == 0 ? null : pending.OrderBy(m => m.Sequence).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefault();
        var nodeId = node.Id;
        var due = context.Cases.AsNoTracking().LongCount(c => c.NextAlarmAt <= now)
            + context.SupervisionOrders.AsNoTracking().LongCount(o => o.CaseNodeId == nodeId && o.NextAlarmAt <= now);
        var open = context.SupervisionOrders.AsNoTracking().LongCount(o => o.Status == SupervisionOrderStatus.Open);
        var breached = context.SupervisionOrders.AsNoTracking().LongCount(o => o.Status == SupervisionOrderStatus.Breached);
        return new Snapshot(outboxPending, oldest, due, open, breached);
    }

    private sealed record Snapshot(long OutboxPending, DateTimeOffset? OldestPendingAt, long AlarmsDue, long OrdersOpen, long OrdersBreached);

    [LoggerMessage(1, LogLevel.Warning, "The node's gauges could not be read ({Message}); they are left out of this collection.")]
    private static partial void LogReadFailed(ILogger logger, string message);
}
