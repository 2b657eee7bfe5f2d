using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Dispatch.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dispatch.Node.Tests.Deadlines;

/// <summary>Summons and the supervision service on a town (no parent: it supervises itself), with one registered child.</summary>
public abstract class SupervisionTests(StorageKind storage) : DeadlineTestBase(storage)
{
    private static readonly string ChildKey = ClusterTestHost.NewKey();

    protected override IReadOnlyDictionary<string, string?>? NodeSettings { get; } = new Dictionary<string, string?>
    {
        ["Deadlines:Enabled"] = "true",
        ["Node:TokenLifetime"] = "60.00:00:00",
        ["Deadlines:SafetySweep"] = "00:00:00",
        ["Node:Tier"] = "Town",
        ["Node:Children:0:Id"] = "village",
        ["Node:Children:0:Key"] = ChildKey,
    };

    private static string SanitationId => DemoDirectory.SanitationId.ToString();

    private static string SafetyId => DemoDirectory.SafetyId.ToString();

    [Fact]
    public async Task Summons_OneAcknowledgedInTime_OneBreached_AndSupervised()
    {
        var start = Node.Clock.GetUtcNow();
        var assigned = await AssignedAsync("s-1");
        var dispatcher = await Node.SupervisionAsAsync("dispatcher");

        var summoned = await dispatcher.SummonDepartmentsAsync(Summon(assigned, SanitationId, SafetyId));

        Assert.Equal(2, summoned.Orders.Count);
        Assert.All(summoned.Orders, o =>
        {
            Assert.Equal(SupervisionOrderKind.Summons, o.Kind);
            Assert.Equal(SupervisionOrderStatus.Open, o.Status);
            Assert.Equal(start.AddMinutes(30), o.DueAt.ToDateTimeOffset());
        });
        Assert.Equal("CaseSummoned", (await ReadAsync(assigned.Id)).History[^1].Type);
        Assert.Contains("Sanitation team", (await ReadAsync(assigned.Id)).History[^1].Note);

        var sanitationOrder = summoned.Orders.Single(o => o.DepartmentId == SanitationId);
        Node.Clock.Jump(TimeSpan.FromMinutes(10));
        var acknowledged = (await (await Node.SupervisionAsAsync("sanitation")).AcknowledgeSummonsAsync(new AcknowledgeSummonsRequest { OrderId = sanitationOrder.Id, Note = "On our way." })).Order;
        Assert.Equal(SupervisionOrderStatus.Acknowledged, acknowledged.Status);
        Assert.Equal("CaseSummonsAcknowledged", (await ReadAsync(assigned.Id)).History[^1].Type);

        using var watch = (await As("dispatcher")).WatchCases(new WatchCasesRequest());
        Node.Clock.Jump(TimeSpan.FromMinutes(20));
        var notices = await UntilAsync(watch, n => n.CaseId == assigned.Id && n.Event.Type == "CaseSupervised");
        Assert.Contains(notices, n => n.Event.Type == "CaseSummonsBreached" && n.Event.Note.Contains(SafetyId, StringComparison.Ordinal));

        var orders = (await (await Node.SupervisionAsAsync("supervisor")).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { CaseId = assigned.Id })).Orders;
        Assert.Equal(3, orders.Count);
        Assert.Equal(SupervisionOrderStatus.Acknowledged, orders.Single(o => o.DepartmentId == SanitationId).Status);
        Assert.Equal(SupervisionOrderStatus.Breached, orders.Single(o => o.DepartmentId == SafetyId).Status);
        var breach = orders.Single(o => o.Kind == SupervisionOrderKind.Breach);
        Assert.Equal(SupervisionOrderStatus.Open, breach.Status);
        Assert.Equal("test-node", breach.SupervisorNodeId);

        // The case itself is not overdue: only the summons was missed.
        Assert.False((await ReadAsync(assigned.Id)).Overdue);
    }

    [Fact]
    public async Task ListSupervisionOrders_DepartmentHandlerSeesOnlyOwnSummons_GridWorkerRefused()
    {
        var assigned = await AssignedAsync("s-1");
        await (await Node.SupervisionAsAsync("dispatcher")).SummonDepartmentsAsync(Summon(assigned, SanitationId, SafetyId));

        var own = (await (await Node.SupervisionAsAsync("safety")).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest())).Orders;
        Assert.Equal([SafetyId], own.Select(o => o.DepartmentId));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, (await Node.SupervisionAsAsync("safety")).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { DepartmentId = SanitationId }), "own department");
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, (await Node.SupervisionAsAsync("worker1")).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest()), "GridWorker may not list supervision orders");
    }

    [Fact]
    public async Task ListSupervisionOrders_PagesNewestFirst_WithoutGapsOrRepeats()
    {
        var assigned = await AssignedAsync("s-1");
        var dispatcher = await Node.SupervisionAsAsync("dispatcher");
        var current = assigned;
        for (var i = 0; i < 3; i++)
        {
            current = (await dispatcher.SummonDepartmentsAsync(Summon(current, SanitationId, SafetyId))).Case;
            Node.Clock.Jump(TimeSpan.FromMinutes(1));
        }

        var supervisor = await Node.SupervisionAsAsync("supervisor");
        var seen = new List<SupervisionOrder>();
        var token = "";
        do
        {
            var page = await supervisor.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { PageSize = 4, PageToken = token });
            seen.AddRange(page.Orders);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(6, seen.Select(o => o.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(o => o.OpenedAt).Select(o => o.OpenedAt), seen.Select(o => o.OpenedAt));
    }

    [Fact]
    public async Task SummonDepartments_BadInput_RefusedAndNothingWritten()
    {
        var assigned = await AssignedAsync("s-1");
        var closed = await ClosedAsync("s-2");
        var dispatcher = await Node.SupervisionAsAsync("dispatcher");
        var before = await SnapshotAsync(assigned, closed);

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, dispatcher.SummonDepartmentsAsync(Summon(assigned)), "department_ids");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, dispatcher.SummonDepartmentsAsync(Summon(assigned, SanitationId, SanitationId)), "department_ids", "twice");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, dispatcher.SummonDepartmentsAsync(Summon(assigned, "not-an-id")), "department_ids");
        await RpcAssert.FailsAsync(StatusCode.NotFound, dispatcher.SummonDepartmentsAsync(Summon(assigned, SanitationId, Guid.NewGuid().ToString())), "Department");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, dispatcher.SummonDepartmentsAsync(SummonWithReason(assigned, "", SanitationId)), "reason");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, dispatcher.SummonDepartmentsAsync(SummonWithReason(assigned, new string('x', 1_001), SanitationId)), "reason");
        await RpcAssert.FailsAsync(StatusCode.Aborted, dispatcher.SummonDepartmentsAsync(SummonAt(assigned, SanitationId, assigned.Version - 1)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, dispatcher.SummonDepartmentsAsync(new SummonDepartmentsRequest { CaseId = Guid.NewGuid().ToString(), ExpectedVersion = 1, DepartmentIds = { SanitationId }, Reason = "x" }), "Case");
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, dispatcher.SummonDepartmentsAsync(Summon(closed, SanitationId)), "OnlyRunningCaseCanBeSupervised");
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, (await Node.SupervisionAsAsync("worker1")).SummonDepartmentsAsync(Summon(assigned, SanitationId)), "dispatchers");
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, (await Node.SupervisionAsAsync("sanitation")).SummonDepartmentsAsync(Summon(assigned, SanitationId)), "dispatchers");

        await AssertUnchangedAsync(before);
        Assert.Empty((await (await Node.SupervisionAsAsync("supervisor")).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest())).Orders);
    }

    [Fact]
    public async Task AcknowledgeSummons_BadInput_RefusedAndNothingWritten()
    {
        var assigned = await AssignedAsync("s-1");
        var summoned = await (await Node.SupervisionAsAsync("dispatcher")).SummonDepartmentsAsync(Summon(assigned, SanitationId));
        var order = summoned.Orders.Single();
        var before = await SnapshotAsync(summoned.Case);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, (await Node.SupervisionAsAsync("safety")).AcknowledgeSummonsAsync(new AcknowledgeSummonsRequest { OrderId = order.Id }), "another department");
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, (await Node.SupervisionAsAsync("dispatcher")).AcknowledgeSummonsAsync(new AcknowledgeSummonsRequest { OrderId = order.Id }), "only department handlers may");
        await RpcAssert.FailsAsync(StatusCode.NotFound, (await Node.SupervisionAsAsync("sanitation")).AcknowledgeSummonsAsync(new AcknowledgeSummonsRequest { OrderId = Guid.NewGuid().ToString() }), "Summons");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, (await Node.SupervisionAsAsync("sanitation")).AcknowledgeSummonsAsync(new AcknowledgeSummonsRequest { OrderId = "nope" }), "order_id");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, (await Node.SupervisionAsAsync("sanitation")).AcknowledgeSummonsAsync(new AcknowledgeSummonsRequest { OrderId = order.Id, Note = new string('n', 1_001) }), "note");
        await AssertUnchangedAsync(before);

        var sanitation = await Node.SupervisionAsAsync("sanitation");
        await sanitation.AcknowledgeSummonsAsync(new AcknowledgeSummonsRequest { OrderId = order.Id });
        var acknowledged = await SnapshotAsync(summoned.Case);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, sanitation.AcknowledgeSummonsAsync(new AcknowledgeSummonsRequest { OrderId = order.Id }), "OnlyOpenOrderCanChange");
        await AssertUnchangedAsync(acknowledged);
    }

    [Fact]
    public async Task ListSupervisionOrders_BadInput_InvalidArgument()
    {
        var supervisor = await Node.SupervisionAsAsync("supervisor");

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, supervisor.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { PageToken = "garbage" }), "page_token");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, supervisor.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { PageSize = 201 }), "page_size");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, supervisor.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { CaseId = "x" }), "case_id");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, supervisor.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { Statuses = { SupervisionOrderStatus.Unspecified } }), "statuses");
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, new SupervisionService.SupervisionServiceClient(Node.Channel).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest()));
    }

    [Fact]
    public async Task Supervise_FromAChild_KeepsTheNewestVersion_RefusesAnotherNodesOrder()
    {
        var child = new EscalationService.EscalationServiceClient(Node.Channel.CreateCallInvoker().WithToken(NodeToken.Create("village", "test-node", ChildKey, Node.Clock.GetUtcNow())));
        var order = ChildOrder(version: 2, SupervisionOrderStatus.Breached);

        Assert.Equal(2, (await child.SuperviseAsync(new SuperviseRequest { Order = order })).Version);
        Assert.Equal(2, (await child.SuperviseAsync(new SuperviseRequest { Order = ChildOrder(version: 1, SupervisionOrderStatus.Open, order.Id) })).Version);
        Assert.Equal(3, (await child.SuperviseAsync(new SuperviseRequest { Order = ChildOrder(version: 3, SupervisionOrderStatus.Closed, order.Id) })).Version);

        var held = Assert.Single((await (await Node.SupervisionAsAsync("supervisor")).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest())).Orders);
        Assert.Equal(SupervisionOrderStatus.Closed, held.Status);
        Assert.Equal("village", held.CaseNodeId);

        var foreign = ChildOrder(version: 1, SupervisionOrderStatus.Open);
        foreign.CaseNodeId = "another-village";
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, child.SuperviseAsync(new SuperviseRequest { Order = foreign }), "another-village");
        var misdirected = ChildOrder(version: 1, SupervisionOrderStatus.Open);
        misdirected.SupervisorNodeId = "district";
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, child.SuperviseAsync(new SuperviseRequest { Order = misdirected }), "supervisor_node_id");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, child.SuperviseAsync(new SuperviseRequest()), "order");
        var untitled = ChildOrder(version: 1, SupervisionOrderStatus.Open);
        untitled.CaseTitle = "";
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, child.SuperviseAsync(new SuperviseRequest { Order = untitled }), "case_title");

        Assert.Single((await (await Node.SupervisionAsAsync("supervisor")).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest())).Orders);
    }

    private SupervisionOrder ChildOrder(int version, SupervisionOrderStatus status, string? id = null) =>
        ChildOrders.Breach(Node.Clock.GetUtcNow(), Grid1, version, status, id);

    private static SummonDepartmentsRequest Summon(Case c, params string[] departments) => SummonWithReason(c, "Joint handling of the blocked drain.", departments);

    private static SummonDepartmentsRequest SummonWithReason(Case c, string reason, params string[] departments) =>
        new() { CaseId = c.Id, ExpectedVersion = c.Version, DepartmentIds = { departments }, Reason = reason };

    private static SummonDepartmentsRequest SummonAt(Case c, string department, int version) =>
        new() { CaseId = c.Id, ExpectedVersion = version, DepartmentIds = { department }, Reason = "Joint handling." };
}

public sealed class SupervisionSqliteTests() : SupervisionTests(StorageKind.Sqlite);

public sealed class SupervisionPostgresTests() : SupervisionTests(StorageKind.Postgres);
