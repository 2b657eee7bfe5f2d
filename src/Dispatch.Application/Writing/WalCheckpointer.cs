using Dispatch.Data;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Writing;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file in the background. Left to SQLite, the
/// commit that takes the log past 1,000 pages does that copy (and its fsync) itself, and the reports
/// waiting on that commit of the single writer wait for it too: the slowest replies of the intake
/// benchmark. The writer's connection turns that off (<see cref="BeforeBatch"/>); this runs a passive
/// checkpoint on a connection of its own every <see cref="Interval"/>, which neither waits for the writer
/// nor holds it up.
/// <para>
/// A background checkpoint alone never lets the log start over while the writer keeps committing: SQLite
/// rewinds the log only at the start of a write when every frame in it has been copied back, and the
/// writer adds frames while the copy runs. The log then grew by tens of megabytes a second under load
/// (1.4 GB after 25 s of the intake benchmark), with every lookup of a page in the log slower for it.
/// So once a background checkpoint finds more than <see cref="RestartFrames"/> frames in the log, the
/// writer runs one passive checkpoint itself before its next batch (<see cref="BeforeBatch"/>):
/// nothing is committed meanwhile, so it copies the rest (what was added since the background one), and
/// the batch after it rewinds the log (unless a reader still reads an older snapshot; then the next
/// background checkpoint asks again). Nothing to do on PostgreSQL.
/// </para>
/// </summary>
internal sealed partial class WalCheckpointer(
    IDbContextFactory<DispatchDbContext> contexts,
    TimeProvider clock,
    ILogger<WalCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>Frames in the log (of a page each) past which the writer checkpoints once itself so the log can start over.</summary>
    public const int RestartFrames = 4096;

    /// <summary>A catch-up pass that copied at most this many frames has caught up with the writer: about two batches of the intake.</summary>
    public const int CatchUpFrames = 256;

    /// <summary>Catch-up passes after the first at most: each takes about as long as the commits it copies, so they shrink fast or not at all.</summary>
    public const int MaxCatchUpPasses = 4;

    private int _logFrames;

    /// <summary>What a checkpoint found: <paramref name="logFrames"/> frames in the log.</summary>
    internal void Observe(int logFrames) => Volatile.Write(ref _logFrames, logFrames);

    /// <summary>
    /// Prepares the writer's connection for a batch (before its transaction): no checkpoints of its own at
    /// commit, and the one passive checkpoint that lets the log start over when the last background
    /// checkpoint found it long.
    /// </summary>
    public void BeforeBatch(DispatchDbContext context)
    {
        if (!context.Database.IsSqlite())
        {
            return;
        }

        Data.Sqlite.SqliteConnectionSetup.Once(context.Database.GetDbConnection(), "PRAGMA wal_autocheckpoint = 0;");
        if (Interlocked.Exchange(ref _logFrames, 0) < RestartFrames)
        {
            return;
        }

        // The batch's reports do not depend on this copy: if it fails, they are committed all the same and
        // the next background checkpoint asks again.
        try
        {
            context.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(PASSIVE);");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex.Message);
        }
    }

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
                    Observe(await CatchUpAsync(() => CheckpointAsync(context, stoppingToken)));
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

    /// <summary>
    /// Runs a passive checkpoint; if it found a long log, runs more at once, each copying what the writer
    /// committed while the one before ran, until one copies at most <see cref="CatchUpFrames"/> frames (or
    /// <see cref="MaxCatchUpPasses"/> have run). The writer's own checkpoint before its next batch then
    /// copies only what it committed during that last pass, and its batch waits for that alone: with one
    /// pass, it copied everything committed while the first pass copied the whole log, and the batches
    /// that waited for it were the intake's slowest. Returns the frames in the log at the last pass.
    /// </summary>
    internal static async Task<int> CatchUpAsync(Func<Task<(int LogFrames, int CopiedBack)>> checkpoint)
    {
        var (logFrames, copiedBack) = await checkpoint();
        for (var pass = 0; logFrames >= RestartFrames && pass < MaxCatchUpPasses; pass++)
        {
            var (nextLogFrames, nextCopiedBack) = await checkpoint();
            var copied = nextCopiedBack - copiedBack;
            (logFrames, copiedBack) = (nextLogFrames, nextCopiedBack);
            if (copied <= CatchUpFrames)
            {
                break;
            }
        }

        return logFrames;
    }

    /// <summary>Runs a passive checkpoint; returns the frames in the log and how many of them are copied back (its row is busy, log frames, frames copied back).</summary>
    private static async Task<(int LogFrames, int CopiedBack)> CheckpointAsync(DispatchDbContext context, CancellationToken cancellationToken)
    {
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt32(1), reader.GetInt32(2)) : (0, 0);
    }

    [LoggerMessage(1, LogLevel.Warning, "A WAL checkpoint failed ({Message}); the next one retries.")]
    private static partial void LogFailed(ILogger logger, string message);
}
