using Dispatch.Application.Security;
using Dispatch.Domain.Directory;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authorization;

namespace Dispatch.Node.Security;

/// <summary>
/// The gRPC methods' authorization: the method's row of the <see cref="PermissionTable"/> names who may call it, and a
/// caller of another kind or role is refused here, before the request is read. A method without a row is refused to
/// everyone. The scope (which grid, department or child) is the use case's to check, as it needs the case.
/// </summary>
internal sealed class PermissionRequirement : AuthorizationHandler<PermissionRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (RowOf(context.Resource) is not { } row)
        {
            context.Fail(new AuthorizationFailureReason(this, $"{MethodOf(context.Resource)} has no row in the permission table: nobody may call it."));
            return Task.CompletedTask;
        }

        var identity = context.User.Identity;
        var refusal = row.Callers switch
        {
            CallerKind.Anyone => null,
            CallerKind.ChildNode => identity?.AuthenticationType == AuthSchemes.Node ? null : $"{row.Method} is {row.Who}'s to call.",
            _ when identity?.AuthenticationType != AuthSchemes.User => $"{row.Method} is for signed-in users, not for a node's credential.",
            _ => Enum.TryParse<Role>(context.User.FindFirst(TokenClaims.Role)?.Value, out var role)
                ? row.RoleRefusal(role)
                : $"The token names no role that may call {row.Method}.",
        };
        if (refusal is null)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, refusal));
        }

        return Task.CompletedTask;
    }

    /// <summary>The row of the gRPC method the request is for (the authorization middleware's resource is the request).</summary>
    public static Permission? RowOf(object? resource) => MethodOf(resource) is { } name ? PermissionTable.Find(name) : null;

    private static string? MethodOf(object? resource) =>
        (resource as HttpContext)?.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName.TrimStart('/');
}
