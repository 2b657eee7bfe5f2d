using Dispatch.Application.Writing;
using Dispatch.Data;
using Dispatch.Node.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests;

/// <summary>On SQLite the writer's commits leave the log to a background checkpoint, which runs on the node's clock.</summary>
public sealed class WalCheckpointerTests() : NodeTestBase(StorageKind.Sqlite)
{
    [Fact]
    public async Task Checkpointer_ReportsInTheLog_CopiesThemIntoTheDatabaseFileOnceItsIntervalPasses()
    {
        var worker = await Node.CasesAsAsync("worker1");
        await using (var context = await Node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>().CreateDbContextAsync())
        {
            // Whatever start-up wrote is in the file first, so what follows is only the writer's.
            await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        for (var i = 0; i < 40; i++)
        {
            await worker.ReportCaseAsync(NewReport($"wal-{i}"));
        }

        // The database file alone (without its log) holds only what a checkpoint copied into it.
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        var inFile = 0L;
        while (inFile < 40 && DateTime.UtcNow < giveUp)
        {
            Node.Clock.Advance(WalCheckpointer.Interval);
            await Task.Delay(50);
            inFile = await CasesInFileAloneAsync();
        }

        Assert.Equal(40, inFile);
    }

    [Fact]
    public async Task Writer_AfterACheckpointFoundALongLog_CopiesTheLogItselfBeforeItsNextBatch_AndTheLogStartsOver()
    {
        var worker = await Node.CasesAsAsync("worker1");
        var factory = Node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>();
        await using (var context = await factory.CreateDbContextAsync())
        {
            await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        // The clock does not move, so no background checkpoint runs; and a reader that began before the
        // reports keeps every other connection's checkpoint (the deadline scheduler's, at its commits) from
        // copying them: these stay in the log only.
        await using (var reader = new SqliteConnection($"Data Source={DatabaseFile()};Pooling=False"))
        {
            await reader.OpenAsync();
            await using var snapshot = reader.BeginTransaction(deferred: true);
            await using (var count = reader.CreateCommand())
            {
                count.CommandText = "SELECT count(*) FROM cases";
                await count.ExecuteScalarAsync();
            }

            for (var i = 0; i < 20; i++)
            {
                await worker.ReportCaseAsync(NewReport($"long-log-{i}"));
            }

            Assert.Equal(0, await CasesInFileAloneAsync());
        }

        // As if a background checkpoint had just found the log long while the writer kept committing.
        Node.Services.GetRequiredService<WalCheckpointer>().Observe(WalCheckpointer.RestartFrames);
        await worker.ReportCaseAsync(NewReport("long-log-last"));

        // The writer copied the 20 into the file before its batch, and its batch began the log anew:
        // the log now holds that one report's frames, not 21 reports' worth.
        Assert.Equal(20, await CasesInFileAloneAsync());
        await using (var context = await factory.CreateDbContextAsync())
        {
            var connection = context.Database.GetDbConnection();
            await context.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            var logFrames = reader.GetInt32(1);
            Assert.InRange(logFrames, 1, FramesOfOneReportAtMost);
        }
    }

    [Theory]
    [InlineData("a short log: one pass", "100/100", 1, 100)]
    [InlineData("a long log: passes until one copies at most the catch-up frames", "5000/5000 5900/5900 6100/6100", 3, 6100)]
    [InlineData("a long log the passes never catch up with: the first pass and the most catch-up passes", "5000/5000 6000/6000 7000/7000 8000/8000 9000/9000 10000/10000 11000/11000", 1 + WalCheckpointer.MaxCatchUpPasses, 9000)]
    [InlineData("the log started over meanwhile: stops", "5000/5000 40/40 80/80", 2, 40)]
    [InlineData("a reader holds back the copy: stops, the writer's own checkpoint asks again", "5000/3000 5200/3000 5400/3000", 2, 5200)]
    public async Task CatchUp_PassesWhileTheLogIsLongAndEachCopiesMoreThanTheCatchUpFrames(string because, string passes, int expectedPasses, int expectedLogFrames)
    {
        var results = passes.Split(' ').Select(p => p.Split('/')).Select(p => (int.Parse(p[0]), int.Parse(p[1]))).ToList();
        var ran = 0;

        var logFrames = await WalCheckpointer.CatchUpAsync(() => Task.FromResult(results[ran++]));

        Assert.True(expectedPasses == ran, $"{because}: {ran} passes");
        Assert.Equal(expectedLogFrames, logFrames);
    }

    // A report writes its row, its history entry and its feed entry and the index pages over them: a few
    // dozen pages at most; 20 reports write hundreds.
    private const int FramesOfOneReportAtMost = 60;

    private async Task<long> CasesInFileAloneAsync()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"wal-test-{Guid.NewGuid():N}.db");
        File.Copy(DatabaseFile(), copy);
        try
        {
            await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM cases";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            foreach (var path in new[] { copy, copy + "-wal", copy + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private string DatabaseFile()
    {
        using var context = Node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>().CreateDbContext();
        return new SqliteConnectionStringBuilder(context.Database.GetConnectionString()).DataSource;
    }
}
