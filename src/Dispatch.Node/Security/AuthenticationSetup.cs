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
            .AddPolicy(AuthSchemes.ChildNode, policy => policy.AddAuthenticationSchemes(AuthSchemes.Node).RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(), new ChildCertificateHandler.Requirement()));
        services.AddSingleton<IAuthorizationHandler, PermissionRequirement>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        services.AddSingleton<NodeCertificates>();
        services.AddSingleton<IAuthorizationHandler, ChildCertificateHandler>();
        return services;
    }

    private static void Configure(JwtBearerOptions options, Microsoft.IdentityModel.Tokens.TokenValidationParameters parameters, TimeProvider clock)
    {
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new RememberingTokenHandler(clock));
        // The claims keep the names they were issued with (role, grids, dept), not WS-Federation URIs.
        options.MapInboundClaims = false;
        options.TokenValidationParameters = parameters;
        options.Events = new JwtBearerEvents { OnMessageReceived = RefuseSeveralAuthorizationHeaders };
    }

    /// <summary>
    /// A request with more than one authorization header is refused, whatever the headers hold: which one counts would
    /// depend on the framework's choice (a proxy may add one, a client may send its own and another's).
    /// </summary>
    private static Task RefuseSeveralAuthorizationHeaders(MessageReceivedContext context)
    {
        if (HasSeveralAuthorizations(context.Request))
        {
            context.Fail(SeveralAuthorizationHeaders);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Several authorization header fields, or one that joins several values with a comma (as HTTP merges repeated
    /// fields, and as clients send repeated metadata); a bearer token never holds a comma.
    /// </summary>
    public static bool HasSeveralAuthorizations(HttpRequest request)
    {
        var values = request.Headers.Authorization;
        return values.Count > 1 || (values.Count == 1 && values[0]?.Contains(',', StringComparison.Ordinal) == true);
    }

    /// <summary>What a caller with several authorization headers is told (UNAUTHENTICATED).</summary>
    public const string SeveralAuthorizationHeaders = "The request has more than one 'authorization' header; send exactly one: 'Bearer <token>'.";
}
