using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace Grpc.AspNetCore.Server;

public class InterceptorRegistration
{
    private ObjectFactory? _factory;

    internal InterceptorRegistration(Type type, object[] arguments)
    {
        Type = type;
        Arguments = arguments;
    }

    public Type Type { get; }

    public IReadOnlyList<object> Arguments { get; }

    /// <summary>The DI-registered instance if there is one, else a new instance built with the arguments.</summary>
    internal Interceptor Resolve(IServiceProvider services)
    {
        if (Arguments.Count == 0 && services.GetService(Type) is Interceptor registered)
        {
            return registered;
        }

        _factory ??= ActivatorUtilities.CreateFactory(Type, Arguments.Select(a => a.GetType()).ToArray());
        return (Interceptor)_factory(services, Arguments.ToArray());
    }
}
