using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Dispatch.Node.Security;

/// <summary>
/// A refused gRPC call ends as a gRPC status that says why (UNAUTHENTICATED, PERMISSION_DENIED), the way every
/// other refusal does, instead of a bare HTTP 401 or 403; other requests get the framework's answer.
/// </summary>
internal sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        var status = authorizeResult.Forbidden
            ? new Status(StatusCode.PermissionDenied, ForbiddenMessage(context, policy, authorizeResult))
            : new Status(StatusCode.Unauthenticated, ChallengeMessage(context, policy));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = status.Detail;
        return Task.CompletedTask;
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

    private static string ForbiddenMessage(HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        // A requirement that says why it refused (a child's certificate) is more use than the list of roles.
        if (result.AuthorizationFailure?.FailureReasons.FirstOrDefault() is { } reason)
        {
            return reason.Message;
        }

        var allowed = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Select(Plural);
        return $"Role {context.User.FindFirst(TokenClaims.Role)?.Value} may not call {ServiceName(context)}: only {string.Join(", ", allowed)} may.";
    }

    private static string Plural(string role) => role switch
    {
        "Admin" => "administrators",
        "GridWorker" => "grid workers",
        "DepartmentHandler" => "department handlers",
        _ => role.ToLowerInvariant() + "s",
    };

    private static string ServiceName(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var end = path.IndexOf('/', 1);
        return end > 1 ? path[1..end] : path;
    }
}
