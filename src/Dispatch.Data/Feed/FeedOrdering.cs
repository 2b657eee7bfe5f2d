using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data.Feed;

/// <summary>
/// Makes the feed's commit order equal its sequence order on PostgreSQL. An identity value is drawn at
/// insert time, so without this two writers could commit sequences 11 then 10, and a watcher that had
/// already read 11 would resume after it and never see 10. Every save that appends to the feed takes one
/// transaction-scoped advisory lock before its inserts and holds it until commit, so sequences become
/// visible in order (a rolled-back save leaves a gap, which is harmless). SQLite needs nothing: it has a
/// single writer, and AUTOINCREMENT values are drawn under its write lock.
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
        context.Database.IsNpgsql()
        && context.ChangeTracker.Entries<CaseFeedEntry>().Any(entry => entry.State == EntityState.Added);

    /// <summary>The statement that takes the feed's lock, for a PostgreSQL batch of writes that bypass SaveChanges.</summary>
    public static Npgsql.NpgsqlBatchCommand LockCommand() => new(LockStatement);

    private static readonly string LockStatement = FormattableString.Invariant($"SELECT pg_advisory_xact_lock({LockKey})");

    private static Task LockAsync(DbContext context, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlRawAsync(LockStatement, cancellationToken);

    private static void Lock(DbContext context) => context.Database.ExecuteSqlRaw(LockStatement);
}
