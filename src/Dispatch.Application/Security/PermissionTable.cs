using System.Collections.Frozen;
using Dispatch.Domain.Directory;
using static Dispatch.Application.Security.Scope;
using static Dispatch.Domain.Directory.Role;

namespace Dispatch.Application.Security;

/// <summary>
/// Who may do what, as data: one row per operation. The gRPC policy refuses a role the row does not name before the
/// call reaches its service; the use cases check the role and its scope against the same rows (the dashboard calls
/// them directly), and the dashboard offers only what they allow. A permission matrix test calls every RPC as every
/// kind of caller, in and out of scope, and fails for an RPC without a row.
/// </summary>
internal static class PermissionTable
{
    public const string AuthService = "dispatch.v1.AuthService";
    public const string CaseService = "dispatch.v1.CaseService";
    public const string DirectoryService = "dispatch.v1.DirectoryService";
    public const string EscalationService = "dispatch.v1.EscalationService";
    public const string OutboxService = "dispatch.v1.OutboxService";
    public const string StatsService = "dispatch.v1.StatsService";
    public const string SupervisionService = "dispatch.v1.SupervisionService";

    /// <summary>Operations that only the dashboard offers; they have no RPC.</summary>
    public const string Dashboard = "dashboard";

    /// <summary>The Open311 GeoReport v2 front door on the web port (village and town nodes); no RPC either.</summary>
    public const string Open311 = "open311";

    private static readonly (Role, Scope)[] AnyRole = [(GridWorker, OwnGrid), (DepartmentHandler, OwnDepartment), (Dispatcher, Node), (Supervisor, Node), (Admin, Node)];
    private static readonly (Role, Scope)[] CommandCentre = [(Dispatcher, Node), (Supervisor, Node), (Admin, Node)];
    private static readonly (Role, Scope)[] Dispatchers = [(Dispatcher, Node)];
    private static readonly (Role, Scope)[] Admins = [(Admin, Node)];

    public static readonly IReadOnlyList<Permission> All =
    [
        Open(AuthService, "Login"),
        Open("grpc.health.v1.Health", "Check"),
        Open("grpc.health.v1.Health", "Watch"),
        Open("grpc.reflection.v1alpha.ServerReflection", "ServerReflectionInfo"),
        Open("grpc.reflection.v1.ServerReflection", "ServerReflectionInfo"),

        Users(CaseService, "ReportCase", (GridWorker, OwnGrid), (Dispatcher, Node)),
        Users(CaseService, "GetCase", AnyRole),
        Users(CaseService, "ListCases", AnyRole),
        Users(CaseService, "WatchCases", AnyRole),
        Users(CaseService, "AcceptCase", Dispatchers),
        Users(CaseService, "RejectCase", Dispatchers),
        Users(CaseService, "AssignCase", Dispatchers),
        Users(CaseService, "StartCase", (GridWorker, OwnAssignment), (DepartmentHandler, OwnDepartment), (Dispatcher, Node)),
        Users(CaseService, "ResolveCase", (GridWorker, OwnAssignment), (DepartmentHandler, OwnDepartment), (Dispatcher, Node)),
        // DESIGN: a grid worker verifies what they reported (on site); dispatchers may verify any case.
        Users(CaseService, "VerifyCase", (GridWorker, OwnReport), (Dispatcher, Node)),
        Users(CaseService, "DeferCase", Dispatchers),
        Users(CaseService, "ResumeCase", Dispatchers),
        Users(CaseService, "ReopenCase", Dispatchers),
        Users(CaseService, "RateCase", (GridWorker, OwnGrid), (Dispatcher, Node)),
        Users(CaseService, "MergeCase", Dispatchers),
        Users(CaseService, "EscalateCase", Dispatchers),
        Users(CaseService, "ReturnEscalation", Dispatchers),

        Users(DirectoryService, "ListGrids", AnyRole),
        Users(DirectoryService, "ListDepartments", AnyRole),
        Users(DirectoryService, "UpsertGrid", Admins),
        Users(DirectoryService, "UpsertDepartment", Admins),
        Users(DirectoryService, "ListUsers", Admins),
        Users(DirectoryService, "UpsertUser", Admins),
        Users(DirectoryService, "UnlockUser", Admins),
        Users(DirectoryService, "ListRoutingRules", CommandCentre),
        Users(DirectoryService, "UpsertRoutingRule", Admins),
        Users(DirectoryService, "DeleteRoutingRule", Admins),
        Users(DirectoryService, "ListCategories", AnyRole),

        ChildNodes(EscalationService, "Escalate"),
        ChildNodes(EscalationService, "Subscribe"),
        ChildNodes(EscalationService, "ReportVerification"),
        ChildNodes(EscalationService, "Supervise"),

        Users(OutboxService, "ListRefusedMessages", Admins),
        Users(OutboxService, "RequeueMessage", Admins),

        Users(StatsService, "GetEvaluation", CommandCentre),
        Users(StatsService, "GetReport", CommandCentre),
        Users(StatsService, "ListBulletins", CommandCentre),
        Users(StatsService, "GetBulletin", CommandCentre),

        Users(SupervisionService, "ListSupervisionOrders", (DepartmentHandler, OwnDepartment), (Dispatcher, Node), (Supervisor, Node), (Admin, Node)),
        Users(SupervisionService, "SummonDepartments", (Dispatcher, Node), (Admin, Node)),
        Users(SupervisionService, "AcknowledgeSummons", (DepartmentHandler, OwnDepartment)),

        // The dashboard's assignment form lists the grid workers to those who assign cases.
        Users(Dashboard, "ListWorkers", (Dispatcher, Node), (Admin, Node)),

        // GeoReport v2 reads need no key: the public sees services and requests (no reporter, no internal notes).
        Open(Open311, "GetServiceList"),
        Open(Open311, "GetServiceDefinition"),
        Open(Open311, "GetServiceRequests"),
        Open(Open311, "GetServiceRequest"),
        // A registered app (api_key) reports as a grid worker of the one grid its location lies in (Open311Callers).
        Users(Open311, "PostServiceRequest", (GridWorker, OwnGrid)),
    ];

    private static readonly FrozenDictionary<string, Permission> ByName = All.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>The row of an operation, by its gRPC name (<c>package.Service/Method</c>); null when it has none.</summary>
    public static Permission? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The row of an operation the code names; a missing row is a programming error.</summary>
    public static Permission Of(string service, string method) =>
        Find($"{service}/{method}") ?? throw new InvalidOperationException($"The permission table has no row for {service}/{method}.");

    private static Permission Open(string service, string method) => new(service, method, CallerKind.Anyone, FrozenDictionary<Role, Scope>.Empty);

    private static Permission ChildNodes(string service, string method) => new(service, method, CallerKind.ChildNode, FrozenDictionary<Role, Scope>.Empty);

    private static Permission Users(string service, string method, params (Role Role, Scope Scope)[] roles) =>
        new(service, method, CallerKind.User, roles.ToFrozenDictionary(r => r.Role, r => r.Scope));
}
