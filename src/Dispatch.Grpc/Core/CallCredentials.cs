namespace Grpc.Core;

/// <summary>Per-call credentials: one or more interceptors that add metadata before a call is sent.</summary>
public abstract class CallCredentials
{
    internal CallCredentials()
    {
    }

    public static CallCredentials FromInterceptor(AsyncAuthInterceptor interceptor) =>
        new InterceptorCallCredentials([interceptor ?? throw new ArgumentNullException(nameof(interceptor))]);

    public static CallCredentials Compose(params CallCredentials[] credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new InterceptorCallCredentials(credentials.SelectMany(c => c.Interceptors).ToArray());
    }

    internal abstract IReadOnlyList<AsyncAuthInterceptor> Interceptors { get; }

    private sealed class InterceptorCallCredentials(AsyncAuthInterceptor[] interceptors) : CallCredentials
    {
        internal override IReadOnlyList<AsyncAuthInterceptor> Interceptors => interceptors;
    }
}
