using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Node.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dispatch.Node.Dashboard;

/// <summary>The signed-in user of a dashboard circuit, as the use cases know callers.</summary>
internal sealed class DashboardCaller(AuthenticationStateProvider authentication)
{
    public async Task<CallerIdentity> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return CallerContext.FromPrincipal(state.User) ?? throw new AccessDeniedException("Sign in to use the dashboard.");
    }
}
