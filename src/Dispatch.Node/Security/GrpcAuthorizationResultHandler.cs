using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Dispatch.Node.Security;

/// <summary>
/// A refused gRPC call ends as a gRPC status that says why (UNAUTHENTICATED, PERMISSION_DENIED), the way every
/// other refusal does, instead of a bare HTTP 401 or 403; other requests get the framework's answer. A valid token of
/// the other kind (a user's on the node protocol, a child node's on the users' services) is a known caller without the
/// right, so PERMISSION_DENIED, not UNAUTHENTICATED.
/// </summary>
internal sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var status = authorizeResult.Forbidden
            ? new Status(StatusCode.PermissionDenied, ForbiddenMessage(context, authorizeResult))
            : await OtherKindAsync(context, policy) is { } refusal
                ? new Status(StatusCode.PermissionDenied, refusal)
                : new Status(StatusCode.Unauthenticated, ChallengeMessage(context, policy));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = status.Detail;
    }

    /// <summary>Why a token valid for the other scheme may not call the method; null when the token is valid for neither.</summary>
    private static async Task<string?> OtherKindAsync(HttpContext context, AuthorizationPolicy policy)
    {
        var forNodes = policy.AuthenticationSchemes.Contains(AuthSchemes.Node);
        var other = await context.AuthenticateAsync(forNodes ? AuthSchemes.User : AuthSchemes.Node);
        if (!other.Succeeded)
        {
            return null;
        }

        var method = PermissionRequirement.RowOf(context)?.Method ?? ServiceName(context);
        return forNodes
            ? $"A user's token may not call {method}: only a registered child node may."
            : $"A node's credential may not call {method}: it is accepted only by the escalation service.";
    }

    private static string ChallengeMessage(HttpContext context, AuthorizationPolicy policy)
    {
        if (AuthenticationSetup.HasSeveralAuthorizations(context.Request))
        {
            return AuthenticationSetup.SeveralAuthorizationHeaders;
        }

        if (policy.AuthenticationSchemes.Contains(AuthSchemes.Node))
        {
            return "The node credential is invalid, expired or not from a registered child node.";
        }

        var header = context.Request.Headers.Authorization;
        return header.Count == 0 || header[0]?.StartsWith("Bearer ", StringComparison.Ordinal) != true
            ? "Missing 'authorization: Bearer <token>' header; sign in with AuthService.Login."
            : "The bearer token is invalid or expired; sign in again.";
    }

    private static string ForbiddenMessage(HttpContext context, PolicyAuthorizationResult result) =>
        result.AuthorizationFailure?.FailureReasons.Select(r => r.Message).FirstOrDefault(m => m.Length > 0)
            ?? $"You may not call {ServiceName(context)}.";

    private static string ServiceName(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var end = path.IndexOf('/', 1);
        return end > 1 ? path[1..end] : path;
    }
}
