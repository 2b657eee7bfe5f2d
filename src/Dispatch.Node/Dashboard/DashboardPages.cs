using Dispatch.Application.Security;
using Dispatch.Domain.Directory;

namespace Dispatch.Node.Dashboard;

/// <summary>
/// The dashboard's pages and who sees each in the navigation. This only decides what the menu offers: what a user may
/// read or do on a page is decided by the use cases the page calls, from the permission table, as for the gRPC API.
/// </summary>
internal sealed record DashboardPages(string Path, string Title, Role[] Roles)
{
    private static readonly Role[] Everyone = Enum.GetValues<Role>();

    public static readonly IReadOnlyList<DashboardPages> All =
    [
        new("/", "Queue", Everyone),
        new("/report", "Report", RolesOf(PermissionTable.CaseService, "ReportCase")),
        new("/escalations", "Escalations", [Role.Dispatcher, Role.Supervisor, Role.Admin]),
        new("/deadlines", "Deadlines", [Role.Dispatcher, Role.Supervisor, Role.DepartmentHandler]),
        new("/evaluation", "Evaluation", RolesOf(PermissionTable.StatsService, "GetEvaluation")),
        new("/map", "Map", Everyone),
        new("/directory", "Directory", [Role.Admin, Role.Dispatcher]),
    ];

    /// <summary>A page that is one operation is offered to the roles its row of the permission table names.</summary>
    private static Role[] RolesOf(string service, string method) => [.. PermissionTable.Of(service, method).Roles.Keys];

    public static IEnumerable<DashboardPages> For(Role role) => All.Where(p => Array.IndexOf(p.Roles, role) >= 0);
}
