using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dispatch.Data.Bulk;

/// <summary>
/// Inserts entities of one type with the columns and value conversions of the EF model (what SaveChanges
/// would write): on SQLite by multi-row INSERT statements, prepared once per statement size and connection
/// and kept until the connection closes; on PostgreSQL by one statement over arrays of column values, which the server
/// neither parses nor plans per row count (a multi-row INSERT of a few dozen cases cost it several
/// milliseconds to plan and run) and which, unlike a COPY (two round trips each), goes into one batch with
/// the other tables' inserts; on SQL Server by multi-row INSERTs within its limit of parameters per command.
/// </summary>
public sealed class TableInserter(IEntityType type, ISqlGenerationHelper sql)
{
    /// <summary>
    /// Parameters per SQLite statement: a statement is prepared and kept per row count, so few rows per
    /// statement keep them few, and SQLite pays no round trip per statement.
    /// </summary>
    public const int SqliteParameters = 64;

    private readonly IReadOnlyList<TableColumn> _columns = TableColumn.For(type);

    /// <summary>
    /// The inserter of <paramref name="type"/>, made once per entity type of a model and shared: its statement
    /// texts are built once, not at every batch (a new inserter per batch rebuilt them, a twentieth of what a
    /// report allocated). Shared by threads: the texts it caches are the same whichever thread builds them.
    /// </summary>
    public static TableInserter For(IEntityType type, ISqlGenerationHelper sql) => Shared.GetValue(type, t => new TableInserter(t, sql));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IEntityType, TableInserter> Shared = [];
    private string? _postgresInsert;
    private string[]? _sqliteInserts;

    // The SQLite statements, kept per connection and text: a connection held open (the node's writer) runs
    // them prepared from one batch to the next, not only within one inserter. Closing the connection finalizes them.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbConnection, Dictionary<string, SQLitePCL.sqlite3_stmt>> Kept = [];

    /// <summary>
    /// Inserts the entities in the connection's open transaction on SQLite; blocking (see <see cref="CaseInserter"/>).
    /// The values are bound straight to SQLite's prepared statements (<see cref="SqliteRow"/>): through a command's
    /// parameters, each value was boxed and then bound through an object allocated per value and per execution, the
    /// largest share of what the node allocated per report after strings.
    /// </summary>
    public void Insert(DbConnection connection, DbTransaction transaction, IReadOnlyList<object> entities)
    {
        if (entities.Count == 0)
        {
            return;
        }

        var sqlite = (Microsoft.Data.Sqlite.SqliteConnection)connection;
        if (transaction.Connection != connection)
        {
            throw new InvalidOperationException("The transaction is not the connection's.");
        }

        for (var offset = 0; offset < entities.Count; offset += RowsPerStatement)
        {
            var rows = Math.Min(RowsPerStatement, entities.Count - offset);
            var statement = Statement(sqlite, rows);
            try
            {
                for (var row = 0; row < rows; row++)
                {
                    var entity = entities[offset + row];
                    for (var column = 0; column < _columns.Count; column++)
                    {
                        SqliteRow.Bind(statement, (row * _columns.Count) + column + 1, _columns[column], entity);
                    }
                }

                var result = SQLitePCL.raw.sqlite3_step(statement);
                if (result != SQLitePCL.raw.SQLITE_DONE)
                {
                    Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(result, sqlite.Handle);
                }
            }
            finally
            {
                SQLitePCL.raw.sqlite3_reset(statement);
            }
        }
    }

    /// <summary>
    /// One statement that inserts all the entities on PostgreSQL, to send in a batch with others: an
    /// INSERT of the rows of <c>unnest</c> over one array parameter per column. Its text and parameter types
    /// are the same for any number of rows, so a prepared statement serves every batch. A column that is
    /// itself an array travels as the text of an array literal per row (unnest would flatten an array of
    /// arrays) and is cast back to its type.
    /// </summary>
    public Npgsql.NpgsqlBatchCommand PostgresCommand(IReadOnlyList<object> entities)
    {
        var command = new Npgsql.NpgsqlBatchCommand(_postgresInsert ??= PostgresInsert());
        for (var column = 0; column < _columns.Count; column++)
        {
            var values = _columns[column].PostgresArray(entities);
            command.Parameters.Add(new Npgsql.NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | values.ElementType, Value = values.Values });
        }

        return command;
    }

    private string PostgresInsert()
    {
        var names = _columns.Select(c => sql.DelimitIdentifier(c.Name)).ToList();
        return new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(type.GetTableName()!))
            .Append(" (").AppendJoin(", ", names).Append(") SELECT ")
            .AppendJoin(", ", _columns.Select((c, i) => c.IsPostgresArray ? $"{names[i]}::{c.StoreType}" : names[i]))
            .Append(" FROM unnest(").AppendJoin(", ", _columns.Select((_, i) => $"${i + 1}"))
            .Append(") AS u (").AppendJoin(", ", names).Append(')')
            .ToString();
    }

    /// <summary>
    /// Parameters per SQL Server command: the server takes at most 2,100 in one request.
    /// </summary>
    public const int SqlServerParameters = 2_000;

    private string[]? _sqlServerInserts;

    /// <summary>
    /// Inserts the entities in the connection's open transaction on SQL Server; blocking (see <see cref="CaseInserter"/>).
    /// One command per <see cref="SqlServerRowsPerStatement"/> rows, each value a parameter typed by the EF mapping.
    /// </summary>
    public void InsertSqlServer(DbConnection connection, DbTransaction transaction, IReadOnlyList<object> entities)
    {
        foreach (var command in SqlServerCommands(connection, transaction, entities))
        {
            using (command)
            {
                command.ExecuteNonQuery();
            }
        }
    }

    /// <summary>The commands that insert the entities on SQL Server, made one at a time as they are run; the caller disposes each.</summary>
    public IEnumerable<DbCommand> SqlServerCommands(DbConnection connection, DbTransaction transaction, IReadOnlyList<object> entities)
    {
        var rowsPerStatement = SqlServerRowsPerStatement;
        for (var offset = 0; offset < entities.Count; offset += rowsPerStatement)
        {
            var rows = Math.Min(rowsPerStatement, entities.Count - offset);
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = SqlServerInsert(rows);
            for (var row = 0; row < rows; row++)
            {
                for (var column = 0; column < _columns.Count; column++)
                {
                    var parameter = _columns[column].CreateParameter(command, $"@p{(row * _columns.Count) + column}", entities[offset + row]);
                    command.Parameters.Add(parameter);
                }
            }

            yield return command;
        }
    }

    /// <summary>Rows in one SQL Server command: as many as <see cref="SqlServerParameters"/> allows, one at least.</summary>
    internal int SqlServerRowsPerStatement => Math.Max(1, SqlServerParameters / _columns.Count);

    /// <summary>
    /// The SQL Server statement that inserts <paramref name="rows"/> rows. The rows are selected from a VALUES list
    /// ordered by their position: SQL Server draws identity values in the order of an INSERT's ORDER BY (and
    /// promises no order for a plain VALUES list), so feed entries get their sequences in the order given.
    /// </summary>
    internal string SqlServerInsert(int rows)
    {
        var texts = _sqlServerInserts ??= new string[SqlServerRowsPerStatement + 1];
        return texts[rows] ??= Build();

        string Build()
        {
            var names = string.Join(", ", _columns.Select(c => sql.DelimitIdentifier(c.Name)));
            var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema()))
                .Append(" (").Append(names).Append(") SELECT ").Append(names).Append(" FROM (VALUES ");
            for (var row = 0; row < rows; row++)
            {
                text.Append(row == 0 ? "(" : ", (").Append(row.ToString(System.Globalization.CultureInfo.InvariantCulture));
                for (var column = 0; column < _columns.Count; column++)
                {
                    text.Append(", @p").Append(((row * _columns.Count) + column).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                text.Append(')');
            }

            return text.Append(") AS v (").Append(sql.DelimitIdentifier(RowColumn)).Append(", ").Append(names)
                .Append(") ORDER BY ").Append(sql.DelimitIdentifier(RowColumn)).Append(';').ToString();
        }
    }

    // Named so that no column of the model can share it.
    private const string RowColumn = "__row";

    /// <summary>The prepared statement that inserts <paramref name="rows"/> rows, kept with the connection until it closes.</summary>
    private SQLitePCL.sqlite3_stmt Statement(Microsoft.Data.Sqlite.SqliteConnection connection, int rows)
    {
        var texts = _sqliteInserts ??= new string[RowsPerStatement + 1];
        var text = texts[rows] ??= SqliteInsert(rows);
        var kept = Kept.GetValue(connection, KeepUntilClosed);
        if (kept.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var result = SQLitePCL.raw.sqlite3_prepare_v2(db, text, out var statement);
        if (result != SQLitePCL.raw.SQLITE_OK)
        {
            statement.Dispose();
            Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(result, db);
        }

        kept.Add(text, statement);
        return statement;
    }

    /// <summary>How many insert statements are kept prepared for <paramref name="connection"/> (for tests).</summary>
    internal static int KeptStatements(DbConnection connection) => Kept.TryGetValue(connection, out var kept) ? kept.Count : 0;

    /// <summary>A connection's statements, finalized when it closes (a pooled connection's database handle outlives it).</summary>
    private static Dictionary<string, SQLitePCL.sqlite3_stmt> KeepUntilClosed(DbConnection connection)
    {
        var kept = new Dictionary<string, SQLitePCL.sqlite3_stmt>();
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState == System.Data.ConnectionState.Closed)
            {
                foreach (var statement in kept.Values)
                {
                    statement.Dispose();
                }

                kept.Clear();
            }
        };
        return kept;
    }

    /// <summary>Rows in one SQLite statement: as many as <see cref="SqliteParameters"/> allows, one at least.</summary>
    private int RowsPerStatement => Math.Max(1, SqliteParameters / _columns.Count);

    private string SqliteInsert(int rows)
    {
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(type.GetTableName()!)).Append(" (")
            .AppendJoin(", ", _columns.Select(c => sql.DelimitIdentifier(c.Name))).Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (")
                .AppendJoin(", ", Enumerable.Range(row * _columns.Count, _columns.Count).Select(index => $"@p{index}"))
                .Append(')');
        }

        return text.ToString();
    }
}
