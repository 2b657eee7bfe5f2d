using Dispatch.Domain.Directory;
using Hangfire.Dashboard;

namespace Dispatch.Node.Scheduling;

/// <summary>
/// Who may see the Hangfire dashboard: the node's administrators and supervisors, as ASP.NET Core authenticated them
/// (sign-in cookie or bearer token), on the web port, reading only: every POST is refused, the dashboard's poll of its
/// counters (<c>/stats</c>) included, so its figures are those of the page's last load; the dashboard is read-only as
/// well, so its commands would answer 401 regardless.
/// </summary>
internal sealed class DashboardAccess(int webPort) : IDashboardAsyncAuthorizationFilter
{
    public Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var request = http.Request;
        var reads = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        var allowed = http.Connection.LocalPort == webPort && reads &&
            (http.User.IsInRole(nameof(Role.Admin)) || http.User.IsInRole(nameof(Role.Supervisor)));
        return Task.FromResult(allowed);
    }
}
