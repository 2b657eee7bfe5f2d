using Dispatch.Data.Feed;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dispatch.Data.Bulk;

/// <summary>
/// Inserts new cases with their history and feed entries, in the transaction open on a context, without
/// the change tracker, by <see cref="TableInserter"/> (multi-row INSERTs on SQLite; on PostgreSQL one
/// prepared batch of the feed's lock and an INSERT over column arrays per table; on SQL Server the feed's lock,
/// then multi-row INSERTs; all with the EF model's columns and conversions). The feed's order
/// is kept as SaveChanges keeps it (see <see cref="FeedOrdering"/>). A refused insert (a unique key)
/// surfaces as <see cref="DbUpdateException"/>, as it would from SaveChanges.
/// </summary>
public sealed class CaseInserter
{
    private readonly DispatchDbContext _context;
    private readonly TableInserter _cases;
    private readonly TableInserter _events;
    private readonly TableInserter _feed;

    public CaseInserter(DispatchDbContext context)
    {
        _context = context;
        var sql = context.GetService<ISqlGenerationHelper>();
        _cases = TableInserter.For(context.Model.FindEntityType(typeof(Case))!, sql);
        _events = TableInserter.For(context.Model.FindEntityType(typeof(CaseEvent))!, sql);
        _feed = TableInserter.For(context.Model.FindEntityType(typeof(CaseFeedEntry))!, sql);
    }

    /// <summary>
    /// Inserts the cases, their history and feed entries. Blocking: it is made for the node's writer, which
    /// has a thread of its own (see <see cref="BlockingIo"/>), and for bulk loads.
    /// </summary>
    public void Insert(IReadOnlyList<Case> cases)
    {
        if (cases.Count == 0)
        {
            return;
        }

        var transaction = _context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Cases are inserted in a transaction begun on the context.");
        var connection = _context.Database.GetDbConnection();
        var history = cases.SelectMany(c => c.History).ToList();
        var feed = history.Select(e => (object)CaseFeedEntry.From(e)).ToList();
        try
        {
            if (connection is Npgsql.NpgsqlConnection postgres)
            {
                // One round trip: the feed's lock and the three inserts in one batch. Prepared: a connection
                // prepares them once (the first batch it runs) and the server neither parses nor plans them again.
                using var batch = new Npgsql.NpgsqlBatch(postgres, (Npgsql.NpgsqlTransaction)transaction)
                {
                    BatchCommands = { FeedOrdering.LockCommand(), _cases.PostgresCommand(cases), _events.PostgresCommand(history), _feed.PostgresCommand(feed) },
                };
                batch.Prepare();
                batch.ExecuteNonQuery();
                return;
            }

            if (connection is Microsoft.Data.SqlClient.SqlConnection)
            {
                FeedOrdering.LockSqlServer(connection, transaction);
                _cases.InsertSqlServer(connection, transaction, cases);
                _events.InsertSqlServer(connection, transaction, history);
                _feed.InsertSqlServer(connection, transaction, feed);
                return;
            }

            _cases.Insert(connection, transaction, cases);
            _events.Insert(connection, transaction, history);
            _feed.Insert(connection, transaction, feed);
        }
        catch (System.Data.Common.DbException ex)
        {
            throw new DbUpdateException($"Inserting {cases.Count} new case(s) failed: {ex.Message}", ex);
        }
    }
}
