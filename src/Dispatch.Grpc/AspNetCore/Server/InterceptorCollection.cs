using System.Collections.ObjectModel;
using Grpc.Core.Interceptors;

namespace Grpc.AspNetCore.Server;

/// <summary>Server interceptor registrations, each activated per call (or taken from DI when registered).</summary>
public class InterceptorCollection : Collection<InterceptorRegistration>
{
    public void Add<TInterceptor>(params object[] args)
        where TInterceptor : Interceptor => Add(typeof(TInterceptor), args);

    public void Add(Type interceptorType, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(interceptorType);
        if (!typeof(Interceptor).IsAssignableFrom(interceptorType))
        {
            throw new ArgumentException($"Type {interceptorType} is not a {typeof(Interceptor)}.", nameof(interceptorType));
        }

        Add(new InterceptorRegistration(interceptorType, args));
    }
}
