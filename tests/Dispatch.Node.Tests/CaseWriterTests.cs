using Dispatch.Contracts.V1;
using Dispatch.Data;
using Dispatch.Node.Application;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests;

/// <summary>
/// The single writer: a reply waits for the flush that makes its commit durable, a flush that fails fails
/// its calls, and reports whose numbers collide in one batch are told apart without redoing the batch.
/// </summary>
public abstract class CaseWriterTests(StorageKind storage) : NodeTestBase(storage)
{
    private readonly GatedDurability _durability = new();
    private readonly CollidingIds _ids = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<WriterDurability>(provider => _durability.Over(WriterDurability.For(provider.GetRequiredService<DatabaseSettings>())));
        services.AddSingleton<CaseIdSource>(_ids);
    }

    [Fact]
    public async Task AReply_WaitsForTheFlushOfItsCommit_WhichOthersCanAlreadyRead()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var dispatcher = await Node.CasesAsAsync("dispatcher");
        var flushing = _durability.Hold();

        var report = worker.ReportCaseAsync(NewReport("held")).ResponseAsync;
        await flushing;
        var listed = await dispatcher.ListCasesAsync(new ListCasesRequest { GridId = Grid1 });
        var answeredBeforeTheFlush = report.IsCompleted;
        _durability.Release();
        var reply = await report;

        Assert.False(answeredBeforeTheFlush);
        Assert.True(reply.Created);
        Assert.Equal([reply.Case.Id], listed.Cases.Select(c => c.Id));
    }

    [Fact]
    public async Task AFlushThatFails_AnswersUnavailable_AndTheRetryFindsTheReport()
    {
        var worker = await Node.CasesAsAsync("worker1");
        _durability.FailNext(new CommitUnconfirmedException("The database's log could not be synced to disk."));

        await RpcAssert.FailsAsync(StatusCode.Unavailable, worker.ReportCaseAsync(NewReport("unconfirmed")), "could not be synced", "same request id");
        var retry = await worker.ReportCaseAsync(NewReport("unconfirmed"));
        var again = await worker.ReportCaseAsync(NewReport("after"));

        Assert.False(retry.Created);
        Assert.True(again.Created);
    }

    [Fact]
    public async Task ReportsWhoseNumbersCollide_InOneBatch_CommitTogetherUnderDistinctNumbers()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var writer = Node.Services.GetRequiredService<CaseWriter>();

        // One item holds the writer, so that both reports wait in its queue and make up its next batch. The
        // node's clock stands still, so both are reported in the same millisecond, and their ids end alike.
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = writer.WriteAsync((DispatchDbContext _) =>
        {
            holding.SetResult();
            return release.Task;
        }, CancellationToken.None);
        await holding.Task;
        _ids.CollideNext(2);
        var first = worker.ReportCaseAsync(NewReport("same-millisecond-1")).ResponseAsync;
        var second = worker.ReportCaseAsync(NewReport("same-millisecond-2")).ResponseAsync;
        while (writer.Queued < 2)
        {
            await Task.Yield();
        }

        release.SetResult(0);
        await held;
        var numbers = new[] { (await first).Case.Number, (await second).Case.Number };

        Assert.Equal(0, _ids.CollidingLeft);
        Assert.Equal(2, numbers.Distinct().Count());
        Assert.Equal(0, writer.BatchesRetried);
    }

    /// <summary>The node's own durability, which a test can hold at its next flush or make fail once.</summary>
    private sealed class GatedDurability : WriterDurability
    {
        private readonly object _gate = new();
        private WriterDurability? _inner;
        private TaskCompletionSource? _holding;
        private TaskCompletionSource? _release;
        private Exception? _failNext;

        public WriterDurability Over(WriterDurability inner)
        {
            _inner = inner;
            return this;
        }

        /// <summary>Holds the next flush until <see cref="Release"/>; completes when it has begun.</summary>
        public Task Hold()
        {
            lock (_gate)
            {
                _holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _holding.Task;
            }
        }

        public void Release()
        {
            lock (_gate)
            {
                _release?.TrySetResult();
            }
        }

        public void FailNext(Exception error) => Volatile.Write(ref _failNext, error);

        public override void Attach(DispatchDbContext context) => _inner!.Attach(context);

        public override void Flush()
        {
            Task? release = null;
            lock (_gate)
            {
                if (_holding is { } holding && !holding.Task.IsCompleted)
                {
                    holding.SetResult();
                    release = _release!.Task;
                }
            }

            release?.GetAwaiter().GetResult();
            if (Interlocked.Exchange(ref _failNext, null) is { } error)
            {
                throw error;
            }

            _inner!.Flush();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner?.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Ids whose case numbers collide (same last five hex digits) when asked, fresh ones otherwise.</summary>
    private sealed class CollidingIds : CaseIdSource
    {
        private int _colliding;

        public int CollidingLeft => Volatile.Read(ref _colliding);

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
