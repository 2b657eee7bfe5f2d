using System.Threading.Channels;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Grpc.HealthCheck;

/// <summary>
/// The serving status of each service name, and the watchers waiting for it to change.
/// Thread-safe; every method is short and never blocks on a watcher.
/// </summary>
internal sealed class HealthStatusRegistry
{
    // Enough to carry a burst of changes to a client that reads a little late; past it the
    // oldest updates are dropped, so a watcher that falls behind still ends on the latest status.
    private const int UpdatesPerWatcher = 16;

    private readonly Lock gate = new();
    private readonly Dictionary<string, ServingStatus> statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ChannelWriter<ServingStatus>>> watchers = new(StringComparer.Ordinal);

    /// <summary>How many watches are open, over all services (for tests and diagnostics).</summary>
    public int WatcherCount
    {
        get
        {
            lock (gate)
            {
                return watchers.Values.Sum(list => list.Count);
            }
        }
    }

    public bool TryGetStatus(string service, out ServingStatus status)
    {
        lock (gate)
        {
            return statuses.TryGetValue(service, out status);
        }
    }

    public void SetStatus(string service, ServingStatus status)
    {
        lock (gate)
        {
            if (statuses.TryGetValue(service, out var current) && current == status)
            {
                return;
            }

            statuses[service] = status;
            Notify(service, status);
        }
    }

    public void ClearStatus(string service)
    {
        lock (gate)
        {
            if (statuses.Remove(service))
            {
                Notify(service, ServingStatus.ServiceUnknown);
            }
        }
    }

    public void ClearAll()
    {
        lock (gate)
        {
            foreach (var service in statuses.Keys)
            {
                Notify(service, ServingStatus.ServiceUnknown);
            }

            statuses.Clear();
        }
    }

    /// <summary>
    /// Starts watching a service: the first update is its current status (SERVICE_UNKNOWN if it
    /// has none), then one update per change. Dispose the watch to stop.
    /// </summary>
    public HealthStatusWatch Watch(string service)
    {
        var channel = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(UpdatesPerWatcher)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });

        lock (gate)
        {
            channel.Writer.TryWrite(statuses.TryGetValue(service, out var status) ? status : ServingStatus.ServiceUnknown);
            if (!watchers.TryGetValue(service, out var list))
            {
                list = [];
                watchers.Add(service, list);
            }

            list.Add(channel.Writer);
        }

        return new HealthStatusWatch(channel.Reader, () => Unwatch(service, channel.Writer));
    }

    private void Unwatch(string service, ChannelWriter<ServingStatus> writer)
    {
        lock (gate)
        {
            if (watchers.TryGetValue(service, out var list) && list.Remove(writer) && list.Count == 0)
            {
                watchers.Remove(service);
            }
        }

        writer.TryComplete();
    }

    private void Notify(string service, ServingStatus status)
    {
        if (watchers.TryGetValue(service, out var list))
        {
            foreach (var writer in list)
            {
                // DropOldest: a bounded write never fails while the channel is open.
                writer.TryWrite(status);
            }
        }
    }
}
