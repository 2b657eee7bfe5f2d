using Dispatch.Grpc.Interop.Tests.Wire;
using Microsoft.AspNetCore.Http;

namespace Dispatch.Grpc.Interop.Tests.Server;

/// <summary>
/// Puts a <see cref="GrpcFrameTap"/> in front of the body of every request that announces a
/// message encoding, and leaves it in the request's features for <see cref="InteropTestService"/>.
/// </summary>
/// <remarks>
/// Only requests with a <c>grpc-encoding</c> other than <c>identity</c> can legally carry a
/// compressed message; tapping just those keeps every other case on the runtime's own,
/// unwrapped request-body path.
/// </remarks>
internal sealed class CompressedRequestTapMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var encoding = context.Request.Headers["grpc-encoding"].ToString();
        if (encoding.Length > 0 && !string.Equals(encoding, "identity", StringComparison.OrdinalIgnoreCase))
        {
            var tap = new GrpcFrameTap();
            context.Features.Set(tap);
            context.Request.Body = new FrameTapReadStream(context.Request.Body, tap, ownsInner: false);
        }

        return next(context);
    }
}
