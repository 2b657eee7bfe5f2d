using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Dispatch.Testing;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Permissions;

/// <summary>
/// One town node for the whole permission matrix, with two registered children and cases in and out of each role's
/// scope: A in grid 1, reported by and assigned to worker1; D in grid 1, assigned to the sanitation department; B in
/// grid 3, reported by worker2 and assigned to the safety department. D and B each have an open summons of their
/// department; each child has escalated one case. worker1 and sanitation are the grid worker and handler who call.
/// </summary>
public sealed class PermissionMatrixFixture : IAsyncLifetime
{
    public const string Grid1 = NodeTestBase.Grid1;
    public const string Grid3 = NodeTestBase.Grid3;
    public const string OwnChild = "village-a";
    public const string OtherChild = "village-b";

    private static readonly string OwnChildKey = ClusterTestHost.NewKey();
    private static readonly string OtherChildKey = ClusterTestHost.NewKey();
    private readonly Dictionary<MatrixCaller, CallInvoker> _invokers = [];

    /// <summary>The demo user who calls as each role.</summary>
    public static readonly IReadOnlyDictionary<MatrixCaller, string> UserNames = new Dictionary<MatrixCaller, string>
    {
        [MatrixCaller.GridWorker] = "worker1",
        [MatrixCaller.DepartmentHandler] = "sanitation",
        [MatrixCaller.Dispatcher] = "dispatcher",
        [MatrixCaller.Supervisor] = "supervisor",
        [MatrixCaller.Admin] = "admin",
    };

    public NodeTestHost Node { get; private set; } = null!;

    public Case CaseA { get; private set; } = null!;

    public Case CaseD { get; private set; } = null!;

    public Case CaseB { get; private set; } = null!;

    public string SanitationSummons { get; private set; } = "";

    public string SafetySummons { get; private set; } = "";

    /// <summary>The origin id of the case the calling child (<see cref="OwnChild"/>) escalated here.</summary>
    public string OwnEscalationOrigin { get; private set; } = "";

    public DateTimeOffset Now => Node.Clock.GetUtcNow();

    /// <summary>The case a caller acts on in its own scope: the department's for a handler, worker1's for everyone else.</summary>
    public Case OwnCase(MatrixCaller caller) => caller == MatrixCaller.DepartmentHandler ? CaseD : CaseA;

    /// <summary>A call invoker that carries the caller's token (none for the anonymous caller).</summary>
    public CallInvoker As(MatrixCaller caller) => _invokers[caller];

    public async Task InitializeAsync()
    {
        Node = await NodeTestHost.StartAsync(StorageKind.Sqlite, new Dictionary<string, string?>
        {
            ["Node:Tier"] = "Town",
            ["Node:Children:0:Id"] = OwnChild,
            ["Node:Children:0:Key"] = OwnChildKey,
            ["Node:Children:1:Id"] = OtherChild,
            ["Node:Children:1:Key"] = OtherChildKey,
        });
        _invokers[MatrixCaller.Anonymous] = Node.Channel.CreateCallInvoker();
        foreach (var (caller, user) in UserNames)
        {
            _invokers[caller] = Node.Channel.CreateCallInvoker().WithToken(await Node.LoginAsync(user));
        }

        _invokers[MatrixCaller.ChildNode] = ChildInvoker(OwnChild, OwnChildKey);
        var worker1 = await new AuthService.AuthServiceClient(Node.Channel).LoginAsync(new LoginRequest { UserName = "worker1", Password = DemoDirectory.Password });
        var toWorker1 = new Assignee { Kind = AssigneeKind.Worker, Id = worker1.UserId };
        CaseA = await AssignedAsync("worker1", "matrix-a", Grid1, toWorker1);
        CaseD = await AssignedAsync("worker1", "matrix-d", Grid1, Department(DemoDirectory.SanitationId));
        CaseB = await AssignedAsync("worker2", "matrix-b", Grid3, Department(DemoDirectory.SafetyId));
        SanitationSummons = await SummonAsync(CaseD, DemoDirectory.SanitationId);
        SafetySummons = await SummonAsync(CaseB, DemoDirectory.SafetyId);

        OwnEscalationOrigin = Guid.NewGuid().ToString();
        var escalated = await new EscalationService.EscalationServiceClient(As(MatrixCaller.ChildNode)).EscalateAsync(MatrixRequests.Escalation(OwnEscalationOrigin));
        await new EscalationService.EscalationServiceClient(ChildInvoker(OtherChild, OtherChildKey)).EscalateAsync(MatrixRequests.Escalation(Guid.NewGuid().ToString()));

        // The calling child's case moves once, so its subscription has an update to send.
        var dispatcher = new CaseService.CaseServiceClient(As(MatrixCaller.Dispatcher));
        var received = (await dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = escalated.CaseId })).Case;
        await dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = received.Id, ExpectedVersion = received.Version });
    }

    /// <summary>The caller as the use cases (and so the dashboard) know them, from the node's directory.</summary>
    internal async Task<Application.Security.CallerIdentity> IdentityAsync(MatrixCaller caller)
    {
        var contexts = Node.Services.GetRequiredService<IDbContextFactory<Data.DispatchDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var name = UserNames[caller];
        return Application.Security.CallerIdentity.From(await db.Users.SingleAsync(u => u.UserName == name));
    }

    public async Task DisposeAsync() => await Node.DisposeAsync();

    public static Assignee Department(Guid id) => new() { Kind = AssigneeKind.Department, Id = id.ToString() };

    private CallInvoker ChildInvoker(string child, string key) =>
        Node.Channel.CreateCallInvoker().WithToken(NodeToken.Create(child, "test-node", key, Now));

    private async Task<Case> AssignedAsync(string reporter, string requestId, string grid, Assignee assignee)
    {
        var dispatcher = new CaseService.CaseServiceClient(As(MatrixCaller.Dispatcher));
        var report = MatrixRequests.Report(requestId, grid);
        var reported = (await (await Node.CasesAsAsync(reporter)).ReportCaseAsync(report)).Case;
        var accepted = (await dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version })).Case;
        return (await dispatcher.AssignCaseAsync(new AssignCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version, Assignee = assignee })).Case;
    }

    private async Task<string> SummonAsync(Case @case, Guid department)
    {
        var supervision = new SupervisionService.SupervisionServiceClient(As(MatrixCaller.Dispatcher));
        var current = (await new CaseService.CaseServiceClient(As(MatrixCaller.Dispatcher)).GetCaseAsync(new GetCaseRequest { CaseId = @case.Id })).Case;
        var summoned = await supervision.SummonDepartmentsAsync(new SummonDepartmentsRequest
        {
            CaseId = current.Id,
            ExpectedVersion = current.Version,
            DepartmentIds = { department.ToString() },
            Reason = "Joint handling of the blocked drain.",
        });
        return summoned.Orders.Single().Id;
    }
}
