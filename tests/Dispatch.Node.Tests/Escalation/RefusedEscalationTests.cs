using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using static Dispatch.Node.Tests.Infrastructure.EscalationCases;

namespace Dispatch.Node.Tests.Escalation;

/// <summary>
/// A town that refuses some escalations for good (a message-level status): the village stores the message as
/// refused and never sends it again on its own, its case goes back to the village dispatcher, the messages
/// behind it are delivered, and an administrator can list and requeue it.
/// </summary>
public abstract class RefusedEscalationTests(StorageKind storage) : IAsyncLifetime
{
    private const string Refused = "Refused drain";
    private const string RefusalText = "category_code: 0102 is not handled at this town";
    private readonly RefusingParentInterceptor _town = new();
    private ClusterTestHost _cluster = null!;

    public async Task InitializeAsync()
    {
        _town.Refuse(Refused, StatusCode.InvalidArgument, RefusalText);
        _cluster = await ClusterTestHost.StartAsync(
            storage,
            townServices: services =>
            {
                services.AddSingleton(_town);
                services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<RefusingParentInterceptor>());
            },
            allSettings: new Dictionary<string, string?>
            {
                ["Deadlines:Enabled"] = "true",
                ["Node:TokenLifetime"] = "60.00:00:00",
                ["Deadlines:SafetySweep"] = "00:00:00",
            });
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Escalate_ParentRefusesTheMessage_StoredRefusedNotResent_CaseBackWithTheDispatcher_LaterOnesDelivered()
    {
        var villageDispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        using var watch = villageDispatcher.WatchCases(new WatchCasesRequest());
        var refused = await EscalateAsync(Refused);
        var behind = await EscalateAsync("Flooded lane");

        // The escalation behind the refused one reaches the town; the refused case is back in the village's queue.
        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        await _cluster.EventuallyAsync(() => FindByOriginAsync(townDispatcher, behind.Id), "the later escalation to reach the town");
        var back = await _cluster.EventuallyAsync(() => StatusIsAsync(villageDispatcher, refused.Id, CaseStatus.Accepted), "the refused case to return to the village dispatcher");
        Assert.Equal("", back.EscalatedToNodeId);
        Assert.Equal("", back.ParentCaseId);
        Assert.NotNull(back.DueAt);
        var history = (await villageDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = refused.Id })).Case.History;
        var refusal = history[^1];
        Assert.Equal("CaseEscalationRefused", refusal.Type);
        Assert.Equal(CaseStatus.Escalated, refusal.FromStatus);
        Assert.Equal(CaseStatus.Accepted, refusal.ToStatus);
        Assert.Equal($"Escalation refused by town: InvalidArgument: {RefusalText}", refusal.Note);
        var notices = await watch.ResponseStream.ReadUntilAsync(n => n.CaseId == refused.Id && n.Event.Type == "CaseEscalationRefused");
        Assert.Equal(CaseStatus.Accepted, notices[^1].Status);

        // Well past every backoff, and past a later escalation delivered after it: the town saw the refused one once.
        for (var i = 0; i < 10; i++)
        {
            _cluster.Village.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        var barrier = await EscalateAsync("Broken lamp");
        await _cluster.EventuallyAsync(() => FindByOriginAsync(townDispatcher, barrier.Id), "a later escalation to reach the town");
        Assert.Equal(1, _town.EscalateCalls(Refused));
        Assert.Null(await FindByOriginAsync(townDispatcher, refused.Id));

        var listed = Assert.Single((await (await _cluster.Village.OutboxAsAsync("admin")).ListRefusedMessagesAsync(new ListRefusedMessagesRequest())).Messages);
        Assert.Equal(OutboxItemKind.Escalate, listed.Kind);
        Assert.Equal(refused.Id, listed.CaseId);
        Assert.Equal("town", listed.RefusedBy);
        Assert.Equal("InvalidArgument", listed.RefusalCode);
        Assert.Equal(RefusalText, listed.RefusalMessage);
        Assert.NotNull(listed.RefusedAt);
        Assert.Null(listed.DeliveredAt);
    }

    [Fact]
    public async Task RequeueMessage_AfterTheCauseIsFixed_EscalatesTheCaseAgain_DeliveredOnce()
    {
        var villageDispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        var refused = await EscalateAsync(Refused);
        await _cluster.EventuallyAsync(() => StatusIsAsync(villageDispatcher, refused.Id, CaseStatus.Accepted), "the refusal to reach the case");
        var admin = await _cluster.Village.OutboxAsAsync("admin");
        var message = Assert.Single((await admin.ListRefusedMessagesAsync(new ListRefusedMessagesRequest())).Messages);

        _town.Allow(Refused);
        var requeued = (await admin.RequeueMessageAsync(new RequeueMessageRequest { Sequence = message.Sequence })).Message;

        Assert.Equal(message.Sequence, requeued.Sequence);
        Assert.Null(requeued.RefusedAt);
        Assert.Equal("", requeued.RefusalCode);
        var again = (await villageDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = refused.Id })).Case;
        Assert.Equal(CaseStatus.Escalated, again.Status);
        Assert.Equal("town", again.EscalatedToNodeId);
        Assert.Equal(["CaseEscalated", "CaseEscalationRefused", "CaseEscalated"], again.History.Select(e => e.Type).Where(t => t.StartsWith("CaseEscalat", StringComparison.Ordinal)));

        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        var atTown = await _cluster.EventuallyAsync(() => FindByOriginAsync(townDispatcher, refused.Id), "the requeued escalation to reach the town");
        var linked = await _cluster.EventuallyAsync(() => LinkedAsync(villageDispatcher, refused.Id), "the village to record the town's case id");
        Assert.Equal(atTown.Id, linked.ParentCaseId);
        Assert.Empty((await admin.ListRefusedMessagesAsync(new ListRefusedMessagesRequest())).Messages);

        // Delivered once: a later escalation gets through after it and the town has seen the requeued one just twice in all.
        var barrier = await EscalateAsync("Broken lamp");
        await _cluster.EventuallyAsync(() => FindByOriginAsync(townDispatcher, barrier.Id), "a later escalation to reach the town");
        Assert.Equal(2, _town.EscalateCalls(Refused));
        Assert.Single((await townDispatcher.ListCasesAsync(new ListCasesRequest())).Cases, c => c.OriginCaseId == refused.Id);
    }

    [Fact]
    public async Task OutboxService_BadInputs_ClearStatusAndNothingChanges()
    {
        var villageDispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        var refused = await EscalateAsync(Refused);
        var delivered = await EscalateAsync("Flooded lane");
        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        await _cluster.EventuallyAsync(() => FindByOriginAsync(townDispatcher, delivered.Id), "the other escalation to reach the town");
        await _cluster.EventuallyAsync(() => StatusIsAsync(villageDispatcher, refused.Id, CaseStatus.Accepted), "the refusal to reach the case");
        var admin = await _cluster.Village.OutboxAsAsync("admin");
        var message = Assert.Single((await admin.ListRefusedMessagesAsync(new ListRefusedMessagesRequest())).Messages);

        foreach (var user in new[] { "dispatcher", "supervisor", "worker1" })
        {
            var outbox = await _cluster.Village.OutboxAsAsync(user);
            await RpcAssert.FailsAsync(StatusCode.PermissionDenied, outbox.ListRefusedMessagesAsync(new ListRefusedMessagesRequest()), "administrators");
            await RpcAssert.FailsAsync(StatusCode.PermissionDenied, outbox.RequeueMessageAsync(new RequeueMessageRequest { Sequence = message.Sequence }), "administrators");
        }

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, admin.RequeueMessageAsync(new RequeueMessageRequest()), "sequence");
        await RpcAssert.FailsAsync(StatusCode.NotFound, admin.RequeueMessageAsync(new RequeueMessageRequest { Sequence = 999_999 }), "999999");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, admin.ListRefusedMessagesAsync(new ListRefusedMessagesRequest { PageSize = 201 }), "page_size");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, admin.ListRefusedMessagesAsync(new ListRefusedMessagesRequest { PageToken = "not-a-token" }), "page_token");

        // Delivered and still-pending messages are not refused: nothing to requeue.
        var deliveredSequence = message.Sequence + 1;
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, admin.RequeueMessageAsync(new RequeueMessageRequest { Sequence = deliveredSequence }), "already delivered");

        // The dispatcher has since merged the case into another: its refused escalation cannot send it up any more.
        var worker = await _cluster.Village.CasesAsAsync("worker1");
        var original = (await worker.ReportCaseAsync(Report("original", "Same drain", WhistleClass.Daily))).Case;
        var current = (await villageDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = refused.Id })).Case;
        var merged = (await villageDispatcher.MergeCaseAsync(new MergeCaseRequest { CaseId = refused.Id, ExpectedVersion = current.Version, OriginalCaseId = original.Id })).Case;
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, admin.RequeueMessageAsync(new RequeueMessageRequest { Sequence = message.Sequence }), "Merged");

        Assert.Equal(merged.Version, (await villageDispatcher.GetCaseAsync(new GetCaseRequest { CaseId = refused.Id })).Case.Version);
        var still = Assert.Single((await admin.ListRefusedMessagesAsync(new ListRefusedMessagesRequest())).Messages);
        Assert.Equal(message, still);
    }

    /// <summary>
    /// A case whose supervision lapses is escalated, and its supervision order closes: an escalation and then a
    /// supervision message of the same case. The town refuses the escalation; the later message is still delivered.
    /// </summary>
    [Fact]
    public async Task EscalationRefused_LaterMessageOfTheSameCase_IsStillDelivered()
    {
        var villageDispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        var townSupervisor = await _cluster.Town.SupervisionAsAsync("supervisor");
        var worker = await _cluster.Village.CasesAsAsync("worker1");
        var reported = (await worker.ReportCaseAsync(Report("lapse", Refused, WhistleClass.Daily))).Case;
        var accepted = (await villageDispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version })).Case;
        JumpAll(TimeSpan.FromHours(24));
        await _cluster.EventuallyAsync(async () => (await townSupervisor.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest())).Orders.SingleOrDefault(), "the breach order to reach the town");

        JumpAll(TimeSpan.FromHours(24));
        var closed = await _cluster.EventuallyAsync(
            async () => (await townSupervisor.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest())).Orders.SingleOrDefault(o => o.Status == SupervisionOrderStatus.Closed),
            "the order's closing, behind the refused escalation, to reach the town");
        Assert.Equal(accepted.Id, closed.CaseId);
        var back = await _cluster.EventuallyAsync(() => StatusIsAsync(villageDispatcher, accepted.Id, CaseStatus.Accepted), "the refused case to return to the village dispatcher");
        Assert.Equal("CaseEscalationRefused", back.History[^1].Type);
        Assert.Equal(1, _town.EscalateCalls(Refused));
    }

    private async Task<Case> EscalateAsync(string title)
    {
        var worker = await _cluster.Village.CasesAsAsync("worker1");
        var dispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        var reported = (await worker.ReportCaseAsync(Report(Guid.NewGuid().ToString("N"), title, WhistleClass.Daily))).Case;
        return (await dispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "The town must handle it." })).Case;
    }

    private void JumpAll(TimeSpan by)
    {
        var nodes = new[] { _cluster.District, _cluster.Town, _cluster.Village };
        foreach (var node in nodes)
        {
            node.Clock.Jump(by);
        }

        // Hangfire schedules on the machine's clock: after the jump, each node's sweep is started through it.
        foreach (var node in nodes)
        {
            node.SweepDeadlines();
        }
    }
}

public sealed class RefusedEscalationSqliteTests() : RefusedEscalationTests(StorageKind.Sqlite);

public sealed class RefusedEscalationPostgresTests() : RefusedEscalationTests(StorageKind.Postgres);
