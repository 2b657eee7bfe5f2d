using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Security;

/// <summary>
/// ASP.NET Core authentication and authorization for a node: two JwtBearer schemes and one policy per kind of caller,
/// each of which asks the method's row of the permission table (<see cref="PermissionRequirement"/>). Every service
/// names its policy (or AllowAnonymous), which a test checks; there is no fallback policy, because it would also guard
/// grpc-dotnet's answer to unknown methods (UNIMPLEMENTED) behind a token.
/// </summary>
internal static class AuthenticationSetup
{
    public static IServiceCollection AddNodeAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddJwtBearer(AuthSchemes.User)
            .AddJwtBearer(AuthSchemes.Node);
        services.AddOptions<JwtBearerOptions>(AuthSchemes.User).Configure<TokenService, TimeProvider>((options, tokens, clock) => Configure(options, tokens.ValidationParameters(), clock));
        services.AddOptions<JwtBearerOptions>(AuthSchemes.Node).Configure<NodeCredentials, TimeProvider>((options, nodes, clock) => Configure(options, nodes.ValidationParameters(), clock));

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthSchemes.SignedIn, policy => policy.AddAuthenticationSchemes(AuthSchemes.User).RequireAuthenticatedUser().AddRequirements(new PermissionRequirement()))
            .AddPolicy(AuthSchemes.ChildNode, policy => policy.AddAuthenticationSchemes(AuthSchemes.Node).RequireAuthenticatedUser().AddRequirements(new PermissionRequirement()));
        services.AddSingleton<IAuthorizationHandler, PermissionRequirement>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        return services;
    }

    private static void Configure(JwtBearerOptions options, Microsoft.IdentityModel.Tokens.TokenValidationParameters parameters, TimeProvider clock)
    {
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new RememberingTokenHandler(clock));
        // The claims keep the names they were issued with (role, grids, dept), not WS-Federation URIs.
        options.MapInboundClaims = false;
        options.TokenValidationParameters = parameters;
    }
}
