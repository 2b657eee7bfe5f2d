using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data.Feed;

/// <summary>
/// Makes the feed's commit order equal its sequence order on PostgreSQL and SQL Server. An identity value is
/// drawn at insert time, so without this two writers could commit sequences 11 then 10, and a watcher that had
/// already read 11 would resume after it and never see 10. Every save that appends to the feed takes one
/// transaction-scoped lock before its inserts and holds it until commit (PostgreSQL: an advisory lock; SQL
/// Server: an application lock owned by the transaction), so sequences become visible in order (a rolled-back
/// save leaves a gap, which is harmless). SQLite needs nothing: it has a single writer, and AUTOINCREMENT values
/// are drawn under its write lock.
/// </summary>
internal static class FeedOrdering
{
    // Any constant works, as long as nothing else in the database uses it: "DispFeed" in ASCII.
    private const long LockKey = 0x4469737046656564;

    public static async Task<int> SaveAsync(
        DbContext context, Func<bool, CancellationToken, Task<int>> save, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (!AppendsToFeed(context))
        {
            return await save(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }

        if (context.Database.IsSqlServer())
        {
            save = SqlServerFeedInsert.Around(context, save);
        }

        if (context.Database.CurrentTransaction is not null)
        {
            await LockAsync(context, cancellationToken).ConfigureAwait(false);
            return await save(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockAsync(context, cancellationToken).ConfigureAwait(false);
        var written = await save(false, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (acceptAllChangesOnSuccess)
        {
            context.ChangeTracker.AcceptAllChanges();
        }

        return written;
    }

    public static int Save(DbContext context, Func<bool, int> save, bool acceptAllChangesOnSuccess)
    {
        if (!AppendsToFeed(context))
        {
            return save(acceptAllChangesOnSuccess);
        }

        if (context.Database.IsSqlServer())
        {
            save = SqlServerFeedInsert.Around(context, save);
        }

        if (context.Database.CurrentTransaction is not null)
        {
            Lock(context);
            return save(acceptAllChangesOnSuccess);
        }

        using var transaction = context.Database.BeginTransaction();
        Lock(context);
        var written = save(false);
        transaction.Commit();
        if (acceptAllChangesOnSuccess)
        {
            context.ChangeTracker.AcceptAllChanges();
        }

        return written;
    }

    private static bool AppendsToFeed(DbContext context) =>
        (context.Database.IsNpgsql() || context.Database.IsSqlServer())
        && context.ChangeTracker.Entries<CaseFeedEntry>().Any(entry => entry.State == EntityState.Added);

    /// <summary>The statement that takes the feed's lock, for a PostgreSQL batch of writes that bypass SaveChanges.</summary>
    public static Npgsql.NpgsqlBatchCommand LockCommand() => new(PostgresLock);

    private static readonly string PostgresLock = FormattableString.Invariant($"SELECT pg_advisory_xact_lock({LockKey})");

    /// <summary>
    /// SQL Server's lock: exclusive, owned by the transaction (released at its commit or rollback), waited for without
    /// a time limit like PostgreSQL's. A refusal (a deadlock victim, a cancelled wait) fails the save rather than let
    /// it append out of order.
    /// </summary>
    internal const string SqlServerLock = """
        DECLARE @granted int;
        EXEC @granted = sys.sp_getapplock @Resource = N'Dispatch.CaseFeed', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = -1;
        IF @granted < 0 THROW 51000, N'The case feed lock was not granted.', 1;
        """;

    /// <summary>Takes the feed's lock in <paramref name="transaction"/>, for SQL Server writes that bypass SaveChanges.</summary>
    public static void LockSqlServer(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqlServerLock;
        command.ExecuteNonQuery();
    }

    private static string LockStatement(DbContext context) => context.Database.IsSqlServer() ? SqlServerLock : PostgresLock;

    private static Task LockAsync(DbContext context, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlRawAsync(LockStatement(context), cancellationToken);

    private static void Lock(DbContext context) => context.Database.ExecuteSqlRaw(LockStatement(context));
}
