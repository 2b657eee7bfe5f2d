using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Node.Tests.Infrastructure;

internal static class TokenCallInvoker
{
    /// <summary>Adds "authorization: Bearer token" to every call (or a raw header value when given).</summary>
    public static CallInvoker WithToken(this CallInvoker invoker, string token) =>
        invoker.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + token);
            return metadata;
        });
}
