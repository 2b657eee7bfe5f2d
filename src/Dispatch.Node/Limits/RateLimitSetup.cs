using System.Threading.RateLimiting;
using Dispatch.Node.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Limits;

/// <summary>
/// ASP.NET Core rate limiting for every request of the node, after authorization so the caller is known: a token
/// bucket per signed-in user (by the token's subject), per child node (by its credential's issuer) and, for calls
/// without a credential, per remote address. A refused gRPC call answers RESOURCE_EXHAUSTED with the
/// <c>grpc-retry-pushback-ms</c> trailer; a refused web request 429 with Retry-After.
/// </summary>
internal static class RateLimitSetup
{
    public static IServiceCollection AddNodeLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Limits");
        services.AddOptions<LimitOptions>().Bind(section);
        services.AddOptions<Application.SignIn.SignInLimits>().Bind(section.GetSection("SignIn"));
        services.AddSingleton<StreamQuota>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitOptions>, TimeProvider>((options, limits, clock) =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits.Value, clock));
            options.OnRejected = (rejected, _) => RejectAsync(rejected.HttpContext, rejected.Lease);
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, LimitOptions limits, TimeProvider clock)
    {
        var (key, limit) = context.User.Identity switch
        {
            { IsAuthenticated: true, AuthenticationType: AuthSchemes.Node } => ("node:" + context.User.FindFirst(TokenClaims.Issuer)?.Value, limits.PerNode),
            { IsAuthenticated: true } when context.User.FindFirst(TokenClaims.Subject)?.Value is { } user => ("user:" + user, limits.PerUser),
            _ => ("address:" + context.Connection.RemoteIpAddress, limits.PerAddress),
        };
        return RateLimitPartition.Get(key, _ => new ClockTokenBucket(limit, clock));
    }

    private static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var message = $"Over this node's rate limit for the caller; retry in {RetryPushback.Milliseconds(retryAfter)} ms.";
        var response = context.Response;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            // A trailers-only gRPC answer: HTTP 200, the status in the headers, no body.
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = ((int)global::Grpc.Core.StatusCode.ResourceExhausted).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            response.Headers[RetryPushback.Trailer] = RetryPushback.Milliseconds(retryAfter);
            return;
        }

        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = RetryPushback.Seconds(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(message, context.RequestAborted);
    }
}
