namespace Grpc.Core;

public class AuthInterceptorContext
{
    public AuthInterceptorContext(string serviceUrl, string methodName)
        : this(serviceUrl, methodName, CancellationToken.None)
    {
    }

    public AuthInterceptorContext(string serviceUrl, string methodName, CancellationToken cancellationToken)
    {
        ServiceUrl = serviceUrl;
        MethodName = methodName;
        CancellationToken = cancellationToken;
    }

    public string ServiceUrl { get; }

    public string MethodName { get; }

    public CancellationToken CancellationToken { get; }
}
