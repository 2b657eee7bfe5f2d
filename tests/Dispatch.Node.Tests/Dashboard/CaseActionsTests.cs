using Dispatch.Application.Cases;
using Dispatch.Application.Security;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;
using Dispatch.Node.Seeding;
using Microsoft.Extensions.DependencyInjection;
using static Dispatch.Domain.Cases.CaseAction;

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>
/// <see cref="CaseActions.AvailableTo"/> on cases built in memory, with the node's own service (a district: it summons,
/// and has no parent to escalate to).
/// </summary>
public sealed class CaseActionsTests : NodeTestBase
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly GridId Grid = GridId.Parse(Grid1);
    private static readonly CallerIdentity Dispatcher = new(Guid.NewGuid(), "dispatcher", Role.Dispatcher, [], null);
    private static readonly CallerIdentity Reporter = new(Guid.NewGuid(), "worker1", Role.GridWorker, [Grid], null);
    private static readonly CallerIdentity Neighbour = new(Guid.NewGuid(), "worker3", Role.GridWorker, [Grid], null);
    private static readonly CallerIdentity Elsewhere = new(Guid.NewGuid(), "worker2", Role.GridWorker, [GridId.Parse(Grid3)], null);
    private static readonly CallerIdentity SanitationHandler = new(Guid.NewGuid(), "sanitation", Role.DepartmentHandler, [], DemoDirectory.SanitationId);
    private static readonly CallerIdentity Safety = new(Guid.NewGuid(), "safety", Role.DepartmentHandler, [], DemoDirectory.SafetyId);
    private static readonly CallerIdentity Supervisor = new(Guid.NewGuid(), "supervisor", Role.Supervisor, [], null);

    public CaseActionsTests()
        : base(Infrastructure.StorageKind.Sqlite)
    {
    }

    private CaseActions Actions => Node.Services.GetRequiredService<CaseActions>();

    [Fact]
    public void AReportedCase_IsTheDispatchersToAcceptRejectMergeOrSummonOn()
    {
        var reported = Report();

        var dispatcher = Actions.AvailableTo(Dispatcher, reported);
        Assert.Equal([Accept, Reject, Merge], dispatcher.Moves.Order());
        Assert.True(dispatcher.Summon);
        Assert.False(dispatcher.Rate);
        Assert.False(Actions.AvailableTo(Reporter, reported).Any);
        Assert.False(Actions.AvailableTo(Supervisor, reported).Any);
    }

    [Fact]
    public void AnAssignedCase_IsStartedByItsDepartment_NotByAnother()
    {
        var assigned = Assigned();

        Assert.Equal([Start], Actions.AvailableTo(SanitationHandler, assigned).Moves);
        Assert.False(Actions.AvailableTo(Safety, assigned).Any);
        Assert.Equal([Assign, Start, Defer, Merge], Actions.AvailableTo(Dispatcher, assigned).Moves.Order());

        assigned.Start(SanitationHandler.UserId, Now);
        Assert.Equal([Resolve], Actions.AvailableTo(SanitationHandler, assigned).Moves);
    }

    [Fact]
    public void AResolvedCase_IsVerifiedByItsReporter_OrADispatcher_NeverByItsResolver()
    {
        var resolved = Assigned();
        resolved.Start(SanitationHandler.UserId, Now);
        resolved.Resolve(SanitationHandler.UserId, Now, "Done.");

        Assert.Equal([VerifyPass, VerifyFail], Actions.AvailableTo(Reporter, resolved).Moves.Order());
        Assert.False(Actions.AvailableTo(Neighbour, resolved).Any);
        Assert.False(Actions.AvailableTo(Elsewhere, resolved).Any);
        Assert.Contains(VerifyPass, Actions.AvailableTo(Dispatcher, resolved).Moves);

        // Fixed on the spot: the reporter resolved it, so someone else verifies.
        var onTheSpot = Report(HandlingMode.Immediate);
        Assert.False(Actions.AvailableTo(Reporter, onTheSpot).Any);
        Assert.Contains(VerifyFail, Actions.AvailableTo(Dispatcher, onTheSpot).Moves);
    }

    [Fact]
    public void AClosedCase_IsRatedByItsReporter_AndReopenedByADispatcher()
    {
        var closed = Report(HandlingMode.Immediate);
        closed.Verify(Dispatcher.UserId, Now, passed: true);

        Assert.True(Actions.AvailableTo(Reporter, closed).Rate);
        var dispatcher = Actions.AvailableTo(Dispatcher, closed);
        Assert.Equal([Reopen], dispatcher.Moves);
        Assert.False(dispatcher.Rate);
        Assert.False(dispatcher.Summon);

        closed.Rate(Reporter.UserId, Now, 4);
        Assert.False(Actions.AvailableTo(Reporter, closed).Rate);
    }

    [Fact]
    public void ADeferredCase_IsResumed_AndNotSupervised()
    {
        var deferred = Assigned();
        deferred.Defer(Dispatcher.UserId, Now, Now.AddDays(2), "Waiting for parts.");

        var dispatcher = Actions.AvailableTo(Dispatcher, deferred);
        Assert.Equal([Resume], dispatcher.Moves);
        Assert.False(dispatcher.Summon);
    }

    [Fact]
    public void AVillageDispatcher_DoesNotSummon()
    {
        var village = new Application.Supervision.SupervisionCommands(
            Node.Services.GetRequiredService<Application.Writing.CaseWriter>(),
            Node.Services.GetRequiredService<Application.Deadlines.DeadlineSettings>(),
            new Application.Common.NodeSettings("v", "Village", "Village", "town", [], false),
            Node.Clock);
        var actions = new CaseActions(Node.Services.GetRequiredService<CaseCommands>(), village);

        Assert.False(actions.AvailableTo(Dispatcher, Report()).Summon);
    }

    private static Case Report(HandlingMode mode = HandlingMode.Split)
    {
        var id = Guid.NewGuid();
        return Case.Report(
            new CaseReport
            {
                Id = id,
                Number = CaseNumbers.For(Now, id),
                RequestId = id.ToString(),
                Title = "Overflowing bins",
                CategoryCode = "0201",
                GridId = Grid,
                Location = Location.Create(39.9, 116.4, null),
                Whistle = WhistleClass.Daily,
                HandlingMode = mode,
                ReporterId = Reporter.UserId,
            },
            CategoryCatalogue.Default,
            Now);
    }

    private static Case Assigned()
    {
        var @case = Report();
        @case.Accept(Dispatcher.UserId, Now);
        @case.Assign(Dispatcher.UserId, Now, Domain.Cases.Assignee.Department(DemoDirectory.SanitationId));
        return @case;
    }
}
