using Dispatch.Node.Hosting;
using Dispatch.Node.Security;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Scheduling;

/// <summary>Hangfire's dashboard at <c>/hangfire</c> on the node's web port, read-only, for its administrators and supervisors.</summary>
internal static class NodeDashboard
{
    public const string Path = "/hangfire";

    public static void MapNodeDashboard(this WebApplication app, string host)
    {
        var node = app.Services.GetRequiredService<IOptions<NodeOptions>>().Value;
        var options = new DashboardOptions
        {
            DashboardTitle = $"{node.Name}: jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,

            // Replaces the default (local requests only) with the node's own check.
            Authorization = [],
            AsyncAuthorization = [new DashboardAccess(node.HttpPort)],
            IsReadOnlyFunc = _ => true,
        };

        // ASP.NET Core authenticates the caller (and sends a browser that is not signed in to /signin); the filter
        // above decides on the role.
        app.MapHangfireDashboard(Path, options, app.Services.GetRequiredService<JobStorage>())
            .RequireHost(host)
            .RequireAuthorization(WebSignIn.SignedIn);
    }
}
