namespace Grpc.Core.Interceptors;

public static class CallInvokerExtensions
{
    /// <summary>Wraps the invoker; the first interceptor in the list runs first.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, params Interceptor[] interceptors)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(interceptors);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            invoker = new InterceptingCallInvoker(invoker, interceptors[i]);
        }

        return invoker;
    }

    public static CallInvoker Intercept(this CallInvoker invoker, Interceptor interceptor) =>
        Intercept(invoker, [interceptor]);

    /// <summary>Lets a function edit (or replace) the request headers of every call.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, Func<Metadata, Metadata> interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        return Intercept(invoker, new MetadataInterceptor(interceptor));
    }
}
