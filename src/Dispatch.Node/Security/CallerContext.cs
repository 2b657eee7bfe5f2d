using System.Security.Claims;
using Dispatch.Application.Security;
using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;
using Grpc.Core;

namespace Dispatch.Node.Security;

/// <summary>Who is calling, read from the principal that the call's authentication scheme validated.</summary>
internal static class CallerContext
{
    /// <summary>
    /// Callers already read from an identity: a remembered token hands every call the same validated identity
    /// (<see cref="RememberingTokenHandler"/>), so its claims are parsed once, not on every call.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ClaimsIdentity, CallerIdentity> Known = [];

    /// <summary>The signed-in user of a call that passed the <see cref="AuthSchemes.User"/> scheme.</summary>
    public static CallerIdentity Caller(this ServerCallContext context)
    {
        var principal = context.GetHttpContext().User;
        if (principal.Identity is ClaimsIdentity identity && Known.TryGetValue(identity, out var known))
        {
            return known;
        }

        var caller = FromPrincipal(principal) ??
            throw new RpcException(new Status(StatusCode.Unauthenticated, "This call needs a signed-in caller."));
        Known.AddOrUpdate((ClaimsIdentity)principal.Identity!, caller);
        return caller;
    }

    /// <summary>The registered child node calling the escalation service (<see cref="AuthSchemes.Node"/>).</summary>
    public static ChildNode Child(this ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity is { IsAuthenticated: true, AuthenticationType: AuthSchemes.Node } && user.FindFirst(TokenClaims.Issuer)?.Value is { } child
            ? new ChildNode(child)
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "This call needs a child node's credential."));
    }

    /// <summary>The caller a validated user principal (bearer token or web sign-in cookie) names, or null when it is not one.</summary>
    public static CallerIdentity? FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity is not { IsAuthenticated: true, AuthenticationType: AuthSchemes.User or WebSignIn.Cookie } ||
            !Guid.TryParse(principal.FindFirst(TokenClaims.Subject)?.Value, out var userId) ||
            !Enum.TryParse<Role>(principal.FindFirst(TokenClaims.Role)?.Value, out var role))
        {
            return null;
        }

        var grids = (principal.FindFirst(TokenClaims.Grids)?.Value ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(g => GridId.Parse(g))
            .ToArray();
        Guid? department = Guid.TryParse(principal.FindFirst(TokenClaims.Department)?.Value, out var d) ? d : null;
        return new CallerIdentity(userId, principal.FindFirst(TokenClaims.Name)?.Value ?? "", role, grids, department);
    }
}
