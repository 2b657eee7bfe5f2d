using Grpc.AspNetCore.Server.Internal;
using Microsoft.AspNetCore.Http;

namespace Grpc.Core;

public static class ServerCallContextExtensions
{
    /// <summary>The HTTP context of a call served by this runtime.</summary>
    public static HttpContext GetHttpContext(this ServerCallContext serverCallContext)
    {
        ArgumentNullException.ThrowIfNull(serverCallContext);
        return serverCallContext is HttpContextServerCallContext call
            ? call.HttpContext
            : throw new InvalidOperationException($"Could not get HttpContext from ServerCallContext of type {serverCallContext.GetType()}.");
    }
}
