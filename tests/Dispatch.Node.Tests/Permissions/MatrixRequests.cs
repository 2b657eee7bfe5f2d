using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Reflection.V1Alpha;
using static Dispatch.Node.Tests.Permissions.PermissionMatrixFixture;

namespace Dispatch.Node.Tests.Permissions;

/// <summary>
/// For each RPC, a request that is otherwise valid, in the caller's own scope and (where the request can name
/// something) outside it. Changes of a case carry a version past the case's, so an allowed change ends ABORTED after
/// its permission check and the fixture's cases stay as they are for every other cell. An RPC without an entry is
/// called with its empty request.
/// </summary>
internal static class MatrixRequests
{
    private static readonly Assignee Sanitation = Department(DemoDirectory.SanitationId);
    private static readonly Assignee Safety = Department(DemoDirectory.SafetyId);

    public static readonly IReadOnlyDictionary<string, MatrixRequest> All = new Dictionary<string, MatrixRequest>
    {
        [Rpc("AuthService", "Login")] = Same(_ => new LoginRequest { UserName = "worker1", Password = DemoDirectory.Password }),
        ["grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"] = Same(_ => new ServerReflectionRequest { ListServices = "*" }),
        ["grpc.reflection.v1.ServerReflection/ServerReflectionInfo"] = Same(_ => new global::Grpc.Reflection.V1.ServerReflectionRequest { ListServices = "*" }),

        [Rpc("CaseService", "ReportCase")] = new((f, _) => Report(Guid.NewGuid().ToString(), Grid1), (f, _) => Report(Guid.NewGuid().ToString(), Grid3)),
        [Rpc("CaseService", "GetCase")] = OnCase(c => new GetCaseRequest { CaseId = c.Id }),
        [Rpc("CaseService", "ListCases")] = new(
            (_, caller) => caller switch
            {
                MatrixCaller.GridWorker => new ListCasesRequest { GridId = Grid1 },
                MatrixCaller.DepartmentHandler => new ListCasesRequest { Assignee = Sanitation },
                _ => new ListCasesRequest(),
            },
            (_, _) => new ListCasesRequest { GridId = Grid3, Assignee = Safety }),
        [Rpc("CaseService", "AcceptCase")] = OnCase(c => new AcceptCaseRequest { CaseId = c.Id, ExpectedVersion = Stale(c) }),
        [Rpc("CaseService", "RejectCase")] = OnCase(c => new RejectCaseRequest { CaseId = c.Id, ExpectedVersion = Stale(c), Reason = "Not a public matter." }),
        [Rpc("CaseService", "AssignCase")] = OnCase(c => new AssignCaseRequest { CaseId = c.Id, ExpectedVersion = Stale(c), Assignee = Sanitation }),
        [Rpc("CaseService", "StartCase")] = OnCase(c => new StartCaseRequest { CaseId = c.Id, ExpectedVersion = Stale(c) }),
        [Rpc("CaseService", "ResolveCase")] = OnCase(c => new ResolveCaseRequest { CaseId = c.Id, ExpectedVersion = Stale(c), Note = "Bins emptied." }),
        [Rpc("CaseService", "VerifyCase")] = OnCase(c => new VerifyCaseRequest { CaseId = c.Id, ExpectedVersion = Stale(c), Passed = true }),
        [Rpc("CaseService", "DeferCase")] = new(
            (f, caller) => Defer(f.OwnCase(caller), f.Now),
            (f, _) => Defer(f.CaseB, f.Now)),
        [Rpc("CaseService", "ResumeCase")] = OnCase(c => new ResumeCaseRequest { CaseId = c.Id, ExpectedVersion = Stale(c) }),
        [Rpc("CaseService", "ReopenCase")] = OnCase(c => new ReopenCaseRequest { CaseId = c.Id, ExpectedVersion = Stale(c), Reason = "Full again." }),
        [Rpc("CaseService", "RateCase")] = OnCase(c => new RateCaseRequest { CaseId = c.Id, ExpectedVersion = Stale(c), Satisfaction = 5 }),
        [Rpc("CaseService", "MergeCase")] = new(
            (f, caller) => Merge(f.OwnCase(caller), f.CaseD),
            (f, _) => Merge(f.CaseB, f.CaseD)),
        [Rpc("CaseService", "EscalateCase")] = OnCase(c => new EscalateCaseRequest { CaseId = c.Id, ExpectedVersion = Stale(c), Reason = "Needs the town." }),
        [Rpc("CaseService", "ReturnEscalation")] = OnCase(c => new ReturnEscalationRequest { CaseId = c.Id, ExpectedVersion = Stale(c), Reason = "The village can do it." }),

        [Rpc("DirectoryService", "UpsertGrid")] = Same(_ => new UpsertGridRequest { Grid = new Grid { Id = DemoDirectory.AreaTownVillage + "009", Name = "Grid 9" } }),
        [Rpc("DirectoryService", "UpsertDepartment")] = Same(_ => new UpsertDepartmentRequest { Department = new Contracts.V1.Department { Code = "MATRIX", Name = "Matrix team" } }),
        [Rpc("DirectoryService", "UpsertUser")] = Same(_ => new UpsertUserRequest
        {
            User = new User { UserName = "matrix-worker", DisplayName = "Grid worker Matrix", Role = Role.GridWorker, GridIds = { Grid1 } },
            Password = "matrix-secret-1",
        }),
        // Unlocking a user who is not locked changes nothing: the reporter of case A, a grid worker.
        [Rpc("DirectoryService", "UnlockUser")] = Same(f => new UnlockUserRequest { UserId = f.CaseA.ReporterId }),
        [Rpc("DirectoryService", "UpsertRoutingRule")] = Same(_ => new UpsertRoutingRuleRequest { Rule = new RoutingRule { CategoryCode = "0201", DepartmentId = DemoDirectory.SanitationId.ToString() } }),
        [Rpc("DirectoryService", "DeleteRoutingRule")] = Same(_ => new DeleteRoutingRuleRequest { CategoryCode = "03" }),
        // The catalogue is the node's, the same for every caller: no request outside a scope.
        [Rpc("DirectoryService", "ListCategories")] = Same(_ => new ListCategoriesRequest()),

        [Rpc("EscalationService", "Escalate")] = Same(_ => Escalation(Guid.NewGuid().ToString())),
        [Rpc("EscalationService", "ReportVerification")] = Same(f => new ReportVerificationRequest { OriginCaseId = f.OwnEscalationOrigin, Passed = true }),
        [Rpc("EscalationService", "Supervise")] = new((f, _) => ChildOrder(f, OwnChild), (f, _) => ChildOrder(f, OtherChild)),

        [Rpc("OutboxService", "RequeueMessage")] = Same(_ => new RequeueMessageRequest { Sequence = 1 }),

        [Rpc("StatsService", "GetEvaluation")] = Same(f => new GetEvaluationRequest
        {
            UnitKind = UnitKind.Department, From = Timestamp.FromDateTimeOffset(f.Now.AddDays(-7)), To = Timestamp.FromDateTimeOffset(f.Now),
        }),
        [Rpc("StatsService", "GetReport")] = Same(_ => new GetReportRequest { Kind = ReportKind.Daily, Date = "2026-11-23", Format = ReportFormat.Csv }),
        [Rpc("StatsService", "GetBulletin")] = Same(_ => new GetBulletinRequest { Kind = ReportKind.Daily, Date = "2026-11-23", Format = ReportFormat.Csv }),

        [Rpc("SupervisionService", "ListSupervisionOrders")] = new(
            (_, caller) => caller == MatrixCaller.DepartmentHandler
                ? new ListSupervisionOrdersRequest { DepartmentId = DemoDirectory.SanitationId.ToString() }
                : new ListSupervisionOrdersRequest(),
            (_, _) => new ListSupervisionOrdersRequest { DepartmentId = DemoDirectory.SafetyId.ToString() }),
        [Rpc("SupervisionService", "SummonDepartments")] = OnCase(c => new SummonDepartmentsRequest
        {
            CaseId = c.Id, ExpectedVersion = Stale(c), DepartmentIds = { DemoDirectory.SanitationId.ToString() }, Reason = "Joint handling.",
        }),
        [Rpc("SupervisionService", "AcknowledgeSummons")] = new(
            (f, _) => new AcknowledgeSummonsRequest { OrderId = f.SanitationSummons, Note = "On our way." },
            (f, _) => new AcknowledgeSummonsRequest { OrderId = f.SafetySummons, Note = "On our way." }),
    };

    public static ReportCaseRequest Report(string requestId, string grid) => new()
    {
        RequestId = requestId,
        Title = "Overflowing bins",
        Description = "Bins at the north gate have not been emptied for two days.",
        CategoryCode = "0201",
        GridId = grid,
        Location = new Location { Latitude = 39.9, Longitude = 116.4, Address = "North gate, Building 3" },
        Whistle = WhistleClass.Daily,
        HandlingMode = HandlingMode.Split,
    };

    public static EscalateRequest Escalation(string originCaseId) => new()
    {
        OriginCaseId = originCaseId,
        OriginCaseNumber = "C-20261124-000000000001",
        Title = "Collapsed drain",
        Description = "The drain under the market road has collapsed.",
        CategoryCode = "0201",
        GridId = Grid1,
        Location = new Location { Latitude = 39.9, Longitude = 116.4, Address = "Market road" },
        Whistle = WhistleClass.Daily,
        HandlingMode = HandlingMode.Split,
        Reason = "Too big for the village.",
    };

    private static string Rpc(string service, string method) => $"dispatch.v1.{service}/{method}";

    /// <summary>A version past the case's: an allowed change is ABORTED and changes nothing.</summary>
    private static int Stale(Case c) => c.Version + 100;

    private static MatrixRequest Same(Func<PermissionMatrixFixture, IMessage> make) => new((f, _) => make(f));

    /// <summary>On the caller's own case, and on case B (another grid, another department) outside it.</summary>
    private static MatrixRequest OnCase(Func<Case, IMessage> make) => new((f, caller) => make(f.OwnCase(caller)), (f, _) => make(f.CaseB));

    private static DeferCaseRequest Defer(Case c, DateTimeOffset now) =>
        new() { CaseId = c.Id, ExpectedVersion = Stale(c), Until = Timestamp.FromDateTimeOffset(now.AddDays(1)), Reason = "After the holiday." };

    private static MergeCaseRequest Merge(Case duplicate, Case original) =>
        new() { CaseId = duplicate.Id, ExpectedVersion = Stale(duplicate), OriginalCaseId = original.Id };

    private static SuperviseRequest ChildOrder(PermissionMatrixFixture f, string caseNode) => new()
    {
        Order = new SupervisionOrder
        {
            Id = Guid.NewGuid().ToString(),
            Kind = SupervisionOrderKind.Breach,
            CaseId = Guid.NewGuid().ToString(),
            CaseNumber = "C-20261124-000000000002",
            CaseTitle = "Overflowing bins",
            GridId = Grid1,
            CategoryCode = "0201",
            CaseNodeId = caseNode,
            SupervisorNodeId = "test-node",
            Reason = "The deadline was missed.",
            OpenedAt = Timestamp.FromDateTimeOffset(f.Now),
            DueAt = Timestamp.FromDateTimeOffset(f.Now.AddHours(24)),
            Status = SupervisionOrderStatus.Open,
            UpdatedAt = Timestamp.FromDateTimeOffset(f.Now),
            Version = 1,
        },
    };
}
