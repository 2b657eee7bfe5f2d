using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Node.Tests.Infrastructure;

internal static class TokenCallInvoker
{
    /// <summary>Adds "authorization: Bearer token" to every call.</summary>
    public static CallInvoker WithToken(this CallInvoker invoker, string token) =>
        invoker.WithAuthorization("Bearer " + token);

    /// <summary>Adds a raw "authorization" header value to every call (for malformed headers).</summary>
    public static CallInvoker WithAuthorization(this CallInvoker invoker, string headerValue) =>
        invoker.Intercept(metadata =>
        {
            metadata.Add("authorization", headerValue);
            return metadata;
        });
}
