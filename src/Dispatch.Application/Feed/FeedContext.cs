using Dispatch.Data;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Feed;

/// <summary>
/// The context a reader that follows the feed at every commit of the node reads through (the case feed's tail, a
/// child's escalation subscription). On SQLite one context
/// for the whole stream, its connection open, so the feed's queries run on statements kept prepared
/// (<see cref="Data.Sqlite.SqliteStatementCache"/>) instead of being parsed and planned again at each read; an
/// open SQLite connection holds no snapshot between reads. On PostgreSQL a context per read: a pooled
/// connection held by every open stream would leave none for the node's requests.
/// </summary>
internal sealed class FeedContext(IDbContextFactory<DispatchDbContext> contexts) : IAsyncDisposable
{
    private DispatchDbContext? _held;

    /// <summary>Runs one read of the stream.</summary>
    public async Task<T> ReadAsync<T>(Func<DispatchDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        if (_held is not null)
        {
            return await read(_held);
        }

        var context = await contexts.CreateDbContextAsync(cancellationToken);
        if (!context.Database.IsSqlite())
        {
            await using (context)
            {
                return await read(context);
            }
        }

        await context.Database.OpenConnectionAsync(cancellationToken);
        Data.Sqlite.SqliteStatementCache.Keep(context.Database.GetDbConnection());
        _held = context;
        return await read(context);
    }

    public async ValueTask DisposeAsync()
    {
        if (_held is not null)
        {
            // Before the context closes its connection and goes back to the pool, where other requests open and
            // close it around each query.
            Data.Sqlite.SqliteStatementCache.Forget(_held.Database.GetDbConnection());
            await _held.DisposeAsync();
            _held = null;
        }
    }
}
