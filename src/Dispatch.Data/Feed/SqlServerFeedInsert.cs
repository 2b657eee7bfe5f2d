using Dispatch.Data.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dispatch.Data.Feed;

/// <summary>
/// On SQL Server, the feed entries of a save are inserted by Dispatch rather than by EF, in the order they were added.
/// EF inserts several rows of a table with an identity key by one MERGE, and SQL Server promises no order in which a
/// MERGE draws identity values: two events of one case saved together could get their sequences swapped. An INSERT
/// that selects its rows ORDER BY their position draws them in that order (<see cref="TableInserter.SqlServerInsert"/>).
/// Runs inside the save's transaction, after the feed's lock; the entries' own sequences are not read back (nothing
/// reads them from a saved entry).
/// </summary>
internal static class SqlServerFeedInsert
{
    public static Func<bool, int> Around(DbContext context, Func<bool, int> save) => accept =>
    {
        var entries = Take(context);
        try
        {
            var written = save(accept);
            foreach (var command in Commands(context, entries))
            {
                using (command)
                {
                    written += command.ExecuteNonQuery();
                }
            }

            return written;
        }
        catch
        {
            context.AddRange(entries);
            throw;
        }
    };

    public static Func<bool, CancellationToken, Task<int>> Around(DbContext context, Func<bool, CancellationToken, Task<int>> save) =>
        async (accept, cancellationToken) =>
        {
            var entries = Take(context);
            try
            {
                var written = await save(accept, cancellationToken).ConfigureAwait(false);
                foreach (var command in Commands(context, entries))
                {
                    await using (command.ConfigureAwait(false))
                    {
                        written += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                return written;
            }
            catch
            {
                context.AddRange(entries);
                throw;
            }
        };

    /// <summary>
    /// The added entries in the order they were added (their temporary keys grow with each one), no longer tracked, so
    /// that EF leaves them out of its save; put back if the save fails.
    /// </summary>
    private static List<CaseFeedEntry> Take(DbContext context)
    {
        var added = context.ChangeTracker.Entries<CaseFeedEntry>()
            .Where(entry => entry.State == EntityState.Added)
            .OrderBy(entry => entry.Property(e => e.Sequence).CurrentValue)
            .ToList();
        foreach (var entry in added)
        {
            entry.State = EntityState.Detached;
        }

        return added.ConvertAll(entry => entry.Entity);
    }

    private static IEnumerable<System.Data.Common.DbCommand> Commands(DbContext context, List<CaseFeedEntry> entries)
    {
        var inserter = TableInserter.For(context.Model.FindEntityType(typeof(CaseFeedEntry))!, context.GetService<ISqlGenerationHelper>());
        var transaction = context.Database.CurrentTransaction!.GetDbTransaction();
        return inserter.SqlServerCommands(context.Database.GetDbConnection(), transaction, entries);
    }
}
