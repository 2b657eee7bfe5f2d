using Grpc.Core;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Grpc.HealthCheck;

/// <summary>
/// The standard gRPC health service (grpc.health.v1.Health). The application sets the status
/// of each service name; the empty name stands for the server as a whole.
/// </summary>
// Qualified: inside namespace Grpc, a bare "Health" would mean the namespace Grpc.Health.
public sealed class HealthServiceImpl : Grpc.Health.V1.Health.HealthBase
{
    private readonly HealthStatusRegistry registry = new();
    private readonly Func<CancellationToken, Task>? ensureInitialStatus;

    /// <summary>A health service whose statuses are set only through <see cref="SetStatus"/>.</summary>
    public HealthServiceImpl()
    {
    }

    /// <summary>
    /// A health service that awaits <paramref name="ensureInitialStatus"/> before it answers, so
    /// that a status computed elsewhere (ASP.NET Core health checks) is in place on a fresh server.
    /// </summary>
    internal HealthServiceImpl(Func<CancellationToken, Task> ensureInitialStatus)
    {
        this.ensureInitialStatus = ensureInitialStatus;
    }

    internal HealthStatusRegistry Registry => registry;

    /// <summary>Sets the status of a service; watchers are told if it changed.</summary>
    public void SetStatus(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        registry.SetStatus(service, status);
    }

    /// <summary>Forgets a service; its watchers receive SERVICE_UNKNOWN.</summary>
    public void ClearStatus(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        registry.ClearStatus(service);
    }

    /// <summary>Forgets every service; their watchers receive SERVICE_UNKNOWN.</summary>
    public void ClearAll() => registry.ClearAll();

    public override async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        await EnsureInitialStatusAsync(context.CancellationToken);
        if (!registry.TryGetStatus(request.Service, out var status))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Unknown service '{request.Service}'."));
        }

        return new HealthCheckResponse { Status = status };
    }

    public override async Task Watch(
        HealthCheckRequest request,
        IServerStreamWriter<HealthCheckResponse> responseStream,
        ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        await EnsureInitialStatusAsync(cancellationToken);
        using var watch = registry.Watch(request.Service);
        try
        {
            await foreach (var status in watch.Updates.ReadAllAsync(cancellationToken))
            {
                await responseStream.WriteAsync(new HealthCheckResponse { Status = status });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the server is stopping: a watch only ever ends this way.
        }
    }

    private Task EnsureInitialStatusAsync(CancellationToken cancellationToken) =>
        ensureInitialStatus is null ? Task.CompletedTask : ensureInitialStatus(cancellationToken);
}
