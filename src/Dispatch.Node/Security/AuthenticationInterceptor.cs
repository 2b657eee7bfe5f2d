using Dispatch.Application.Security;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Node.Security;

/// <summary>
/// Requires a valid bearer token on every call except sign-in, health and reflection, and makes the
/// caller's identity available to the services (<see cref="CallerContext.Caller"/>).
/// </summary>
internal sealed class AuthenticationInterceptor(TokenService tokens, NodeCredentials nodes) : Interceptor
{
    private const string NodeService = "/dispatch.v1.EscalationService/";

    private static readonly string[] OpenServices =
    [
        "/dispatch.v1.AuthService/",
        "/grpc.health.v1.Health/",
        "/grpc.reflection.v1alpha.ServerReflection/",
        "/grpc.reflection.v1.ServerReflection/",
    ];

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(requestStream, context);
    }

    private async Task AuthenticateAsync(ServerCallContext context)
    {
        foreach (var open in OpenServices)
        {
            if (context.Method.StartsWith(open, StringComparison.Ordinal))
            {
                return;
            }
        }

        var header = context.RequestHeaders.GetValue("authorization");
        if (header is null || !header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Missing 'authorization: Bearer <token>' header; sign in with AuthService.Login."));
        }

        // The escalation service takes node credentials only; every other service user tokens only.
        var token = header.AsMemory("Bearer ".Length).Trim();
        if (context.Method.StartsWith(NodeService, StringComparison.Ordinal))
        {
            var child = await nodes.ValidateChildAsync(token) ??
                throw new RpcException(new Status(StatusCode.Unauthenticated, "The node credential is invalid, expired or not from a registered child node."));
            context.UserState[typeof(ChildNode)] = new ChildNode(child);
            return;
        }

        var identity = await tokens.ValidateAsync(token) ??
            throw new RpcException(new Status(StatusCode.Unauthenticated, "The bearer token is invalid or expired; sign in again."));
        context.UserState[typeof(CallerIdentity)] = identity;
    }
}
