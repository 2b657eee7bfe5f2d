using System.Threading.Channels;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Grpc.HealthCheck;

/// <summary>One open watch on a service's status. Disposing it unregisters it and ends the updates.</summary>
internal sealed class HealthStatusWatch(ChannelReader<ServingStatus> updates, Action unwatch) : IDisposable
{
    private int disposed;

    public ChannelReader<ServingStatus> Updates { get; } = updates;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            unwatch();
        }
    }
}
