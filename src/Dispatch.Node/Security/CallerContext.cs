using Dispatch.Application.Security;
using Grpc.Core;

namespace Dispatch.Node.Security;

internal static class CallerContext
{
    /// <summary>The authenticated caller of a call that passed <see cref="AuthenticationInterceptor"/>.</summary>
    public static CallerIdentity Caller(this ServerCallContext context) =>
        context.UserState.TryGetValue(typeof(CallerIdentity), out var identity)
            ? (CallerIdentity)identity
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "This call needs a signed-in caller."));

    /// <summary>The registered child node calling the escalation service.</summary>
    public static ChildNode Child(this ServerCallContext context) =>
        context.UserState.TryGetValue(typeof(ChildNode), out var child)
            ? (ChildNode)child
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "This call needs a child node's credential."));
}
