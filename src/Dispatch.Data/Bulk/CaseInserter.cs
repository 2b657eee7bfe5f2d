using Dispatch.Data.Feed;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dispatch.Data.Bulk;

/// <summary>
/// Inserts new cases with their history and feed entries, in the transaction open on a context, without
/// the change tracker, by <see cref="TableInserter"/> (multi-row INSERTs on SQLite, binary COPY on
/// PostgreSQL, both with the EF model's columns and conversions). The feed's order
/// is kept as SaveChanges keeps it (see <see cref="FeedOrdering"/>). A refused insert (a unique key)
/// surfaces as <see cref="DbUpdateException"/>, as it would from SaveChanges.
/// </summary>
public sealed class CaseInserter : IDisposable
{
    private readonly DispatchDbContext _context;
    private readonly TableInserter _cases;
    private readonly TableInserter _events;
    private readonly TableInserter _feed;

    public CaseInserter(DispatchDbContext context)
    {
        _context = context;
        var sql = context.GetService<ISqlGenerationHelper>();
        var parameters = context.Database.IsSqlite() ? TableInserter.SqliteParameters : TableInserter.PostgresParameters;
        _cases = new TableInserter(context.Model.FindEntityType(typeof(Case))!, sql, parameters);
        _events = new TableInserter(context.Model.FindEntityType(typeof(CaseEvent))!, sql, parameters);
        _feed = new TableInserter(context.Model.FindEntityType(typeof(CaseFeedEntry))!, sql, parameters);
    }

    public async Task InsertAsync(IReadOnlyList<Case> cases, CancellationToken cancellationToken = default)
    {
        if (cases.Count == 0)
        {
            return;
        }

        var transaction = _context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Cases are inserted in a transaction begun on the context.");
        var connection = _context.Database.GetDbConnection();
        var history = cases.SelectMany(c => c.History).ToList();
        try
        {
            await FeedOrdering.LockForInsertAsync(_context, cancellationToken).ConfigureAwait(false);
            await _cases.InsertAsync(connection, transaction, cases).ConfigureAwait(false);
            await _events.InsertAsync(connection, transaction, history).ConfigureAwait(false);
            await _feed.InsertAsync(connection, transaction, history.Select(e => (object)CaseFeedEntry.From(e)).ToList()).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException ex)
        {
            throw new DbUpdateException($"Inserting {cases.Count} new case(s) failed: {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        _cases.Dispose();
        _events.Dispose();
        _feed.Dispose();
    }
}
