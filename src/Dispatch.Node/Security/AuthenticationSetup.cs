using Dispatch.Domain.Directory;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Security;

/// <summary>
/// ASP.NET Core authentication and authorization for a node: two JwtBearer schemes, one policy per kind of caller,
/// and a secure default (an endpoint that says nothing needs a signed-in user).
/// </summary>
internal static class AuthenticationSetup
{
    public static IServiceCollection AddNodeAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddJwtBearer(AuthSchemes.User)
            .AddJwtBearer(AuthSchemes.Node);
        services.AddOptions<JwtBearerOptions>(AuthSchemes.User).Configure<TokenService>((options, tokens) => Configure(options, tokens.ValidationParameters()));
        services.AddOptions<JwtBearerOptions>(AuthSchemes.Node).Configure<NodeCredentials>((options, nodes) => Configure(options, nodes.ValidationParameters()));

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthSchemes.SignedIn, policy => policy.AddAuthenticationSchemes(AuthSchemes.User).RequireAuthenticatedUser())
            .AddPolicy(AuthSchemes.ChildNode, policy => policy.AddAuthenticationSchemes(AuthSchemes.Node).RequireAuthenticatedUser())
            .AddPolicy(AuthSchemes.Admin, policy => policy.AddAuthenticationSchemes(AuthSchemes.User).RequireRole(nameof(Role.Admin)))
            .AddPolicy(AuthSchemes.CommandCentre, policy => policy.AddAuthenticationSchemes(AuthSchemes.User)
                .RequireRole(nameof(Role.Supervisor), nameof(Role.Dispatcher), nameof(Role.Admin)))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(AuthSchemes.User).RequireAuthenticatedUser().Build());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        return services;
    }

    private static void Configure(JwtBearerOptions options, Microsoft.IdentityModel.Tokens.TokenValidationParameters parameters)
    {
        // The claims keep the names they were issued with (role, grids, dept), not WS-Federation URIs.
        options.MapInboundClaims = false;
        options.TokenValidationParameters = parameters;
    }
}
