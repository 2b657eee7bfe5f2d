using Dispatch.Data;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Node.Application;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file in the background. Left to SQLite, the
/// commit that takes the log past 1,000 pages does that copy (and its fsync) itself, and the reports
/// waiting on that commit of the single writer wait for it too: the slowest replies of the intake
/// benchmark. The writer's connection turns that off (<see cref="DeferAsync"/>); this runs a passive
/// checkpoint on a connection of its own every <see cref="Interval"/>, which neither waits for the writer
/// nor holds it up. Nothing to do on PostgreSQL.
/// </summary>
internal sealed partial class WalCheckpointer(
    IDbContextFactory<DispatchDbContext> contexts,
    TimeProvider clock,
    ILogger<WalCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>Stops the connection of <paramref name="context"/> from checkpointing when its commits grow the log.</summary>
    public static Task DeferAsync(DispatchDbContext context) =>
        context.Database.IsSqlite() ? context.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint = 0;") : Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var probe = await contexts.CreateDbContextAsync(stoppingToken))
        {
            if (!probe.Database.IsSqlite())
            {
                return;
            }
        }

        // One wait after each checkpoint, not a periodic timer: a clock that jumps (a test's fake clock moving
        // by a day) would otherwise owe it a tick for every interval it jumped over.
        try
        {
            while (true)
            {
                await Task.Delay(Interval, clock, stoppingToken);
                try
                {
                    await using var context = await contexts.CreateDbContextAsync(stoppingToken);
                    await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "A background WAL checkpoint failed ({Message}); the next one retries.")]
    private static partial void LogFailed(ILogger logger, string message);
}
