using Dispatch.Application.Cases;
using Dispatch.Application.Writing;
using Dispatch.Contracts.V1;
using Dispatch.Data;
using Dispatch.Node.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests;

/// <summary>
/// The single writer and case numbers: reports whose numbers collide in one batch are told apart before the
/// commit, and one that collides with an earlier batch's case costs one checked retry of its batch, not a
/// commit per item.
/// </summary>
public abstract class CaseWriterTests(StorageKind storage) : NodeTestBase(storage)
{
    private readonly CollidingIds _ids = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<CaseIdSource>(_ids);

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

    private CaseWriter Writer => Node.Services.GetRequiredService<CaseWriter>();

    /// <summary>
    /// Reports while one item holds the writer, so that every report waits in its queue and they make up its
    /// next batch together; those marked get ids whose numbers collide.
    /// </summary>
    private async Task<ReportCaseResponse[]> InOneBatchAsync(CaseService.CaseServiceClient worker, params (string RequestId, bool Collides)[] reports)
    {
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = Writer.WriteAsync((DispatchDbContext _) =>
        {
            holding.SetResult();
            return release.Task;
        }, CancellationToken.None);
        await holding.Task;

        var calls = new List<Task<ReportCaseResponse>>();
        foreach (var (requestId, collides) in reports)
        {
            // Ids are taken when a call arrives, before it is queued: one call at a time takes the colliding ones.
            _ids.CollideNext(collides ? 1 : 0);
            calls.Add(worker.ReportCaseAsync(NewReport(requestId)).ResponseAsync);
            while (Writer.Queued < calls.Count)
            {
                await Task.Yield();
            }
        }

        release.SetResult(0);
        await held;
        return await Task.WhenAll(calls);
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
