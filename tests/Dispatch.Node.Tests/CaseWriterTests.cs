using Dispatch.Application.Cases;
using Dispatch.Application.Writing;
using Dispatch.Contracts.V1;
using Dispatch.Data;
using Dispatch.Node.Tests.Infrastructure;
using Dispatch.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests;

/// <summary>
/// The single writer and case numbers: reports whose numbers collide in one batch are told apart before the
/// commit, and one that collides with an earlier batch's case costs one checked retry of its batch, not a
/// commit per item. Several calls with one idempotency key (a report's request id, an escalation's origin case) in
/// one batch make one case, and their repeats are answered as repeats, without failing the batch's other calls.
/// </summary>
public abstract class CaseWriterTests(StorageKind storage) : NodeTestBase(storage)
{
    private readonly CollidingIds _ids = new();
    private readonly string _childKey = ClusterTestHost.NewKey();

    private readonly CapturedLogs _logs = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<CaseIdSource>(_ids);
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(_logs);
    }

    /// <summary>A registered child, "village", so that escalations can be sent to this node directly.</summary>
    protected override IReadOnlyDictionary<string, string?> NodeSettings => new Dictionary<string, string?>
    {
        ["Node:Children:0:Id"] = "village",
        ["Node:Children:0:Key"] = _childKey,
    };

    [Fact]
    public async Task ReportsWhoseNumbersCollide_InOneBatch_CommitTogetherUnderDistinctNumbers()
    {
        var worker = await Node.CasesAsAsync("worker1");

        // The node's clock stands still, so both are reported in the same millisecond, and their ids end alike.
        var replies = await InOneBatchAsync(worker, ("same-millisecond-1", Collides: true), ("same-millisecond-2", Collides: true));

        Assert.All(replies, reply => Assert.True(reply.Created));
        Assert.Equal(2, replies.Select(r => r.Case.Number).Distinct().Count());
        Assert.Equal((0, 0), Writer.BatchRetries);
    }

    [Fact]
    public async Task AReportWhoseNumberAnEarlierBatchTook_IsRetriedWithItsBatch_NotItemByItem()
    {
        var worker = await Node.CasesAsAsync("worker1");
        _ids.CollideNext(1);
        var earlier = await worker.ReportCaseAsync(NewReport("earlier"));

        var replies = await InOneBatchAsync(worker, ("same-number", Collides: true), ("bystander", Collides: false));

        Assert.All(replies, reply => Assert.True(reply.Created));
        Assert.DoesNotContain(earlier.Case.Number, replies.Select(r => r.Case.Number));
        Assert.Equal((1, 0), Writer.BatchRetries);
    }

    [Fact]
    public async Task TwoEscalationsOfOneOriginCase_InOneBatch_WithAnUnrelatedReport_OneCaseAndEveryCallAnswered()
    {
        // A child's relay retried while its first call was still queued here: both land in the same batch.
        var worker = await Node.CasesAsAsync("worker1");
        var child = ChildClient();
        var escalation = EscalationCases.Direct("retried");

        var calls = await InOneBatchAsync(
            () => child.EscalateAsync(escalation.Clone()).ResponseAsync,
            () => child.EscalateAsync(escalation.Clone()).ResponseAsync,
            () => worker.ReportCaseAsync(NewReport("bystander")).ResponseAsync);

        var first = await (Task<EscalateResponse>)calls[0];
        var retry = await (Task<EscalateResponse>)calls[1];
        Assert.True(first.Created);
        Assert.Equal((first.CaseId, false), (retry.CaseId, retry.Created));
        Assert.True((await (Task<ReportCaseResponse>)calls[2]).Created);
        await AssertOneCaseEscalatedFromAsync(escalation.OriginCaseId);
    }

    [Fact]
    public async Task AnEscalationAnEarlierBatchTook_RetriedTwiceInABatch_AnsweredAsARepeat_OthersCommit()
    {
        // The first call committed and its answer was lost; two retries share a batch with a fresh escalation and a report.
        var worker = await Node.CasesAsAsync("worker1");
        var child = ChildClient();
        var escalation = EscalationCases.Direct("committed-before");
        var earlier = await child.EscalateAsync(escalation.Clone());

        var calls = await InOneBatchAsync(
            () => child.EscalateAsync(escalation.Clone()).ResponseAsync,
            () => child.EscalateAsync(escalation.Clone()).ResponseAsync,
            () => child.EscalateAsync(EscalationCases.Direct("fresh")).ResponseAsync,
            () => worker.ReportCaseAsync(NewReport("bystander")).ResponseAsync);

        foreach (var retry in calls[..2])
        {
            var answer = await (Task<EscalateResponse>)retry;
            Assert.Equal((earlier.CaseId, false), (answer.CaseId, answer.Created));
        }

        Assert.True((await (Task<EscalateResponse>)calls[2]).Created);
        Assert.True((await (Task<ReportCaseResponse>)calls[3]).Created);
        await AssertOneCaseEscalatedFromAsync(escalation.OriginCaseId);
    }

    [Fact]
    public async Task TwoReportsWithOneRequestId_InOneBatch_WithAnUnrelatedReport_OneCaseAndEveryCallAnswered()
    {
        var worker = await Node.CasesAsAsync("worker1");

        var calls = await InOneBatchAsync(
            () => worker.ReportCaseAsync(NewReport("same-request")).ResponseAsync,
            () => worker.ReportCaseAsync(NewReport("same-request")).ResponseAsync,
            () => worker.ReportCaseAsync(NewReport("bystander")).ResponseAsync);

        var first = await (Task<ReportCaseResponse>)calls[0];
        var repeat = await (Task<ReportCaseResponse>)calls[1];
        Assert.True(first.Created);
        Assert.Equal((first.Case.Id, false), (repeat.Case.Id, repeat.Created));
        Assert.True((await (Task<ReportCaseResponse>)calls[2]).Created);
    }

    [Fact]
    public async Task AReportWhoseRequestIdAnEarlierBatchTook_RepeatedTwiceInABatch_AnsweredAsARepeat_OthersCommit()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var earlier = await worker.ReportCaseAsync(NewReport("sent-before"));

        var calls = await InOneBatchAsync(
            () => worker.ReportCaseAsync(NewReport("sent-before")).ResponseAsync,
            () => worker.ReportCaseAsync(NewReport("sent-before")).ResponseAsync,
            () => worker.ReportCaseAsync(NewReport("bystander")).ResponseAsync);

        foreach (var repeat in calls[..2])
        {
            var answer = await (Task<ReportCaseResponse>)repeat;
            Assert.Equal((earlier.Case.Id, false), (answer.Case.Id, answer.Created));
        }

        Assert.True((await (Task<ReportCaseResponse>)calls[2]).Created);
    }

    [Fact]
    public async Task AReportReusingARequestIdWithOtherContent_InOneBatch_RefusedAlreadyExists_OthersCommit()
    {
        var worker = await Node.CasesAsAsync("worker1");

        var calls = await InOneBatchAsync(
            () => worker.ReportCaseAsync(NewReport("same-request")).ResponseAsync,
            () => worker.ReportCaseAsync(NewReport("same-request", title: "Broken street light")).ResponseAsync,
            () => worker.ReportCaseAsync(NewReport("bystander")).ResponseAsync);

        var first = await (Task<ReportCaseResponse>)calls[0];
        Assert.True(first.Created);
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => calls[1], "request_id", first.Case.Number, "(title)");
        Assert.True((await (Task<ReportCaseResponse>)calls[2]).Created);
        var listed = (await (await Node.CasesAsAsync("dispatcher")).ListCasesAsync(new ListCasesRequest())).Cases;
        Assert.Equal(["Overflowing bins", "Overflowing bins"], listed.Select(c => c.Title));
    }

    [Fact]
    public async Task RetriedReportAndEscalation_MeetTheUniqueIndexInALaterBatch_NothingLoggedAtWarningOrAbove()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var child = ChildClient();
        var escalation = EscalationCases.Direct("retried-later");
        var first = await worker.ReportCaseAsync(NewReport("retried-later"));
        var escalated = await child.EscalateAsync(escalation.Clone());
        var logged = _logs.Entries.Count;

        var retry = await worker.ReportCaseAsync(NewReport("retried-later"));
        var resent = await child.EscalateAsync(escalation.Clone());

        Assert.Equal((first.Case.Id, false), (retry.Case.Id, retry.Created));
        Assert.Equal((escalated.CaseId, false), (resent.CaseId, resent.Created));
        Assert.Equal((2, 0), Writer.BatchRetries);
        Assert.Empty(_logs.Entries.Skip(logged));
    }

    [Fact]
    public async Task ABatchTheDatabaseRefusesOtherwise_StillLoggedAsAWarning()
    {
        // A value the schema forbids (a setting without a value): not a unique key, so not an expected retry.
        var refused = Writer.WriteAsync(
            (DispatchDbContext context) =>
            {
                context.NodeSettings.Add(new Dispatch.Data.Settings.NodeSetting("refused", null!));
                return Task.FromResult(0);
            },
            CancellationToken.None);

        await Assert.ThrowsAnyAsync<Microsoft.EntityFrameworkCore.DbUpdateException>(() => refused);
        Assert.Contains(_logs.Entries, e => e.Category == typeof(CaseWriter).FullName && e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task TwoCopiesOfOneOrder_InOneBatch_WithARetriedEscalationAndAReport_NewestHeldAndEveryCallAnswered()
    {
        // A child's relay resends what its timed-out calls carried: an order's copies and an escalation that had landed.
        var worker = await Node.CasesAsAsync("worker1");
        var child = ChildClient();
        var escalation = EscalationCases.Direct("committed-before");
        var earlier = await child.EscalateAsync(escalation.Clone());
        var order = ChildOrder(version: 1);
        var newer = order.Clone();
        newer.Version = 2;

        var calls = await InOneBatchAsync(
            () => child.SuperviseAsync(new SuperviseRequest { Order = order }).ResponseAsync,
            () => child.EscalateAsync(escalation.Clone()).ResponseAsync,
            () => child.SuperviseAsync(new SuperviseRequest { Order = newer }).ResponseAsync,
            () => worker.ReportCaseAsync(NewReport("bystander")).ResponseAsync);

        Assert.Equal(1, (await (Task<SuperviseResponse>)calls[0]).Version);
        Assert.Equal((earlier.CaseId, false), ((await (Task<EscalateResponse>)calls[1]).CaseId, false));
        Assert.Equal(2, (await (Task<SuperviseResponse>)calls[2]).Version);
        Assert.True((await (Task<ReportCaseResponse>)calls[3]).Created);
        var held = Assert.Single((await (await Node.SupervisionAsAsync("supervisor")).ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest())).Orders);
        Assert.Equal(2, held.Version);
    }

    /// <summary>A supervision order of the child's, as its relay sends a copy up.</summary>
    private SupervisionOrder ChildOrder(int version) => ChildOrders.Breach(Node.Clock.GetUtcNow(), Grid1, version);

    /// <summary>The node's EscalationService as the registered child "village" calls it.</summary>
    private EscalationService.EscalationServiceClient ChildClient() =>
        new(Node.Channel.CreateCallInvoker().WithToken(NodeToken.Create("village", "test-node", _childKey, Node.Clock.GetUtcNow())));

    private async Task AssertOneCaseEscalatedFromAsync(string originCaseId)
    {
        var dispatcher = await Node.CasesAsAsync("dispatcher");
        Assert.Single((await dispatcher.ListCasesAsync(new ListCasesRequest())).Cases, c => c.OriginCaseId == originCaseId);
    }

    private CaseWriter Writer => Node.Services.GetRequiredService<CaseWriter>();

    /// <summary>
    /// Reports while one item holds the writer, so that every report waits in its queue and they make up its
    /// next batch together; those marked get ids whose numbers collide.
    /// </summary>
    private async Task<ReportCaseResponse[]> InOneBatchAsync(CaseService.CaseServiceClient worker, params (string RequestId, bool Collides)[] reports)
    {
        var calls = await InOneBatchAsync([.. reports.Select(report => (Func<Task>)(() =>
        {
            // Ids are taken when a call arrives, before it is queued: one call at a time takes the colliding ones.
            _ids.CollideNext(report.Collides ? 1 : 0);
            return worker.ReportCaseAsync(NewReport(report.RequestId)).ResponseAsync;
        }))]);
        return await Task.WhenAll(calls.Cast<Task<ReportCaseResponse>>());
    }

    /// <summary>
    /// Makes calls while one item holds the writer, each once the one before is queued, so that they make up the
    /// writer's next batch together, in this order; returns the calls once all have been answered (or failed).
    /// </summary>
    private async Task<Task[]> InOneBatchAsync(params Func<Task>[] starts)
    {
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = Writer.WriteAsync((DispatchDbContext _) =>
        {
            holding.SetResult();
            return release.Task;
        }, CancellationToken.None);
        await holding.Task;

        var calls = new List<Task>();
        foreach (var start in starts)
        {
            calls.Add(start());
            while (Writer.Queued < calls.Count)
            {
                await Task.Yield();
            }
        }

        release.SetResult(0);
        await held;
        try
        {
            await Task.WhenAll(calls);
        }
        catch (RpcException)
        {
            // Each test asserts on the calls themselves.
        }

        return [.. calls];
    }

    /// <summary>Ids whose case numbers collide (the same last five hex digits) when asked, fresh ones otherwise.</summary>
    private sealed class CollidingIds : CaseIdSource
    {
        private int _colliding;

        public void CollideNext(int count) => Volatile.Write(ref _colliding, count);

        public override Guid Next(DateTimeOffset now)
        {
            var id = base.Next(now);
            if (Interlocked.Decrement(ref _colliding) < 0)
            {
                Interlocked.Exchange(ref _colliding, 0);
                return id;
            }

            var bytes = id.ToByteArray(bigEndian: true);
            (bytes[13], bytes[14], bytes[15]) = (0x0A, 0xBC, 0xDE);
            return new Guid(bytes, bigEndian: true);
        }
    }
}

public sealed class CaseWriterSqliteTests() : CaseWriterTests(StorageKind.Sqlite);

public sealed class CaseWriterPostgresTests() : CaseWriterTests(StorageKind.Postgres);
