using Dispatch.Node.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Security;

/// <summary>
/// With TLS on, a node credential alone does not admit a child: the connection must also carry a client certificate
/// from a trusted authority that names the child whose credential the call presents (mutual TLS). A stolen credential
/// is then useless without that child's private key, and one child cannot speak for another.
/// </summary>
internal sealed class ChildCertificateHandler(IOptions<NodeOptions> options, NodeCertificates certificates)
    : AuthorizationHandler<ChildCertificateHandler.Requirement>
{
    /// <summary>Part of the <see cref="AuthSchemes.ChildNode"/> policy.</summary>
    public sealed class Requirement : IAuthorizationRequirement;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
    {
        if (!certificates.Enabled)
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var issuer = context.User.FindFirst(TokenClaims.Issuer)?.Value;
        var child = options.Value.Children.FirstOrDefault(c => c.Id == issuer);
        if (child is null || context.Resource is not HttpContext http)
        {
            // Not a validated child credential: the policy's authenticated-user requirement refuses it.
            return Task.CompletedTask;
        }

        if (certificates.Refusal(http.Connection.ClientCertificate, child) is { } refusal)
        {
            context.Fail(new AuthorizationFailureReason(this, refusal));
        }
        else
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
