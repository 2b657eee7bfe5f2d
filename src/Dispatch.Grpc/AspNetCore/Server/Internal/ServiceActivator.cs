using Microsoft.Extensions.DependencyInjection;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Gets the service for a call: from DI when registered (scoped per request), else a new instance.</summary>
internal sealed class ServiceActivator<TService>
    where TService : class
{
    private ObjectFactory? _factory;

    /// <summary>Returns the service and whether the caller created it (and so must dispose it).</summary>
    public TService Create(IServiceProvider services, out bool created)
    {
        if (services.GetService(typeof(TService)) is TService registered)
        {
            created = false;
            return registered;
        }

        created = true;
        _factory ??= ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);
        return (TService)_factory(services, null);
    }

    public static async ValueTask ReleaseAsync(TService service)
    {
        switch (service)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
