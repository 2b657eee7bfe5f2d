using Dispatch.Data.Escalation;
using Dispatch.Data.Sqlite;
using Dispatch.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Data.Tests;

/// <summary>
/// The writer's SQLite connection, held open, runs EF's commands on statements it keeps prepared: the same
/// results as EF's own commands, with each execution's parameters and transaction.
/// </summary>
public sealed class SqliteStatementCacheTests
{
    [Fact]
    public async Task HeldWriterConnection_SameQueryWithOtherParameters_RunsOneKeptStatement_AndReturnsEachRow()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await SeedCursorsAsync(database, ("a", 42), ("b", 7));
        var writer = Writer(database);

        using var context = writer.CreateDbContext();
        WriterConnection.Hold(context);
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        Assert.Equal(42, await SequenceOfAsync(context, "a"));
        Assert.Null(await SequenceOrNullAsync(context, "missing"));
        var kept = SqliteStatementCache.KeptFor(connection);

        Assert.Equal(7, await SequenceOfAsync(context, "b"));
        Assert.Equal(42, await SequenceOfAsync(context, "a"));
        Assert.Null(await SequenceOrNullAsync(context, "gone"));

        Assert.InRange(kept, 1, SqliteStatementCache.MaxStatements);
        Assert.Equal(kept, SqliteStatementCache.KeptFor(connection));
        WriterConnection.Release(context);
    }

    [Fact]
    public async Task HeldWriterConnection_ChangesSavedInATransaction_AreRolledBackWithIt_AndCommittedWithIt()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var writer = Writer(database);

        foreach (var (parent, commit) in new[] { ("rolled-back", false), ("committed", true), ("rolled-back-again", false) })
        {
            using var context = writer.CreateDbContext();
            WriterConnection.Hold(context);
            using var transaction = context.Database.BeginTransaction();
            context.ParentCursors.Add(new ParentCursor(parent, 0));
            context.SaveChanges();
            if (commit)
            {
                transaction.Commit();
            }
        }

        await using var check = database.CreateContext();
        Assert.Equal(["committed"], await check.ParentCursors.Select(c => c.ParentNodeId).ToListAsync());
        ReleaseWriter(writer);
    }

    [Fact]
    public async Task HeldWriterConnection_QueryRunWhileTheSameQuerysReaderIsOpen_ReadsItsOwnRows()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await SeedCursorsAsync(database, ("a", 1), ("b", 2), ("c", 3));
        var writer = Writer(database);
        using var context = writer.CreateDbContext();
        WriterConnection.Hold(context);

        var pairs = new List<(string Outer, long Inner)>();
        await foreach (var outer in AllButAsync(context, "none"))
        {
            // The same query text as the one still reading, with another parameter value.
            var inner = await AllButAsync(context, outer.ParentNodeId).ToListAsync();
            pairs.Add((outer.ParentNodeId, inner.Sum(c => c.LastSequence)));
        }

        Assert.Equal([("a", 5L), ("b", 4L), ("c", 3L)], pairs);
        WriterConnection.Release(context);
    }

    [Fact]
    public async Task HeldWriterConnection_AStatementThatFails_IsRefusedAsUsual_AndTheSameStatementRunsAfterwards()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await SeedCursorsAsync(database, ("taken", 1));
        var writer = Writer(database);

        using (var context = writer.CreateDbContext())
        {
            WriterConnection.Hold(context);
            context.ParentCursors.Add(new ParentCursor("taken", 2));
            Assert.Throws<DbUpdateException>(() => context.SaveChanges());
        }

        using (var context = writer.CreateDbContext())
        {
            WriterConnection.Hold(context);
            context.ParentCursors.Add(new ParentCursor("free", 3));
            context.SaveChanges();
        }

        await using var check = database.CreateContext();
        Assert.Equal([("free", 3L), ("taken", 1L)], (await check.ParentCursors.OrderBy(c => c.ParentNodeId).ToListAsync()).Select(c => (c.ParentNodeId, c.LastSequence)));
        ReleaseWriter(writer);
    }

    [Fact]
    public async Task ConnectionNotKept_RunsEfsOwnCommands_EvenAfterItWasKeptAndForgotten()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var context = await KeptContextAfterOneQueryAsync(database);
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        Assert.Equal(1, SqliteStatementCache.KeptFor(connection));
        SqliteStatementCache.Forget(connection);
        await context.Database.CloseConnectionAsync();

        // Opened and closed by EF around each query from now on: nothing kept, the same answers.
        Assert.Equal(42, await SequenceOfAsync(context, "a"));
        Assert.Equal(0, SqliteStatementCache.KeptFor(connection));
    }

    [Fact]
    public async Task KeptConnection_ReopenedOnAnotherNativeConnection_DropsWhatWasPreparedOnTheFirst()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var context = await KeptContextAfterOneQueryAsync(database);
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        var first = connection.Handle;

        // Closed without Forget, its native connection dropped from the pool: it opens on a new one.
        await context.Database.CloseConnectionAsync();
        SqliteConnection.ClearPool(connection);
        await context.Database.OpenConnectionAsync();
        Assert.NotSame(first, connection.Handle);

        Assert.Equal(42, await SequenceOfAsync(context, "a"));
        SqliteStatementCache.Forget(connection);
    }

    /// <summary>A pooled context whose open connection is kept, after it read cursor "a" (42) once.</summary>
    private static async Task<DispatchDbContext> KeptContextAfterOneQueryAsync(TestDatabase database)
    {
        await SeedCursorsAsync(database, ("a", 42));
        var context = database.CreateContext();
        await context.Database.OpenConnectionAsync();
        SqliteStatementCache.Keep(context.Database.GetDbConnection());
        Assert.Equal(42, await SequenceOfAsync(context, "a"));
        return context;
    }

    private static IDbContextFactory<DispatchDbContext> Writer(TestDatabase database) =>
        database.Services.GetRequiredKeyedService<IDbContextFactory<DispatchDbContext>>(DispatchDataServiceCollectionExtensions.WriterKey);

    private static void ReleaseWriter(IDbContextFactory<DispatchDbContext> writer)
    {
        using var context = writer.CreateDbContext();
        WriterConnection.Release(context);
    }

    private static Task<long> SequenceOfAsync(DispatchDbContext context, string parentId) =>
        context.ParentCursors.AsNoTracking().Where(c => c.ParentNodeId == parentId).Select(c => c.LastSequence).SingleAsync();

    private static IAsyncEnumerable<ParentCursor> AllButAsync(DispatchDbContext context, string parentId) =>
        context.ParentCursors.AsNoTracking().Where(c => c.ParentNodeId != parentId).OrderBy(c => c.ParentNodeId).AsAsyncEnumerable();

    private static Task<long?> SequenceOrNullAsync(DispatchDbContext context, string parentId) =>
        context.ParentCursors.AsNoTracking().Where(c => c.ParentNodeId == parentId).Select(c => (long?)c.LastSequence).SingleOrDefaultAsync();

    private static async Task SeedCursorsAsync(TestDatabase database, params (string Parent, long Sequence)[] cursors)
    {
        await using var seed = database.CreateContext();
        foreach (var (parent, sequence) in cursors)
        {
            var cursor = new ParentCursor(parent, 0);
            cursor.Advance(sequence);
            seed.ParentCursors.Add(cursor);
        }

        await seed.SaveChangesAsync();
    }
}
