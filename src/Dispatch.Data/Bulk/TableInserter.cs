using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dispatch.Data.Bulk;

/// <summary>
/// Inserts entities of one type with the columns and value conversions of the EF model (what SaveChanges
/// would write): on SQLite by multi-row INSERT statements, prepared once per statement size and reused
/// within the inserter; on PostgreSQL by one statement over arrays of column values, which the server
/// neither parses nor plans per row count (a multi-row INSERT of a few dozen cases cost it several
/// milliseconds to plan and run) and which, unlike a COPY (two round trips each), goes into one batch with
/// the other tables' inserts.
/// </summary>
public sealed class TableInserter(IEntityType type, ISqlGenerationHelper sql) : IDisposable
{
    /// <summary>
    /// Parameters per SQLite statement: SQLite binds each by name with a linear search (cost grows with the
    /// square of the count) and pays no round trip, so small statements.
    /// </summary>
    public const int SqliteParameters = 64;

    private readonly IReadOnlyList<TableColumn> _columns = TableColumn.For(type);
    private string? _postgresInsert;
    private string[]? _sqliteInserts;

    // The SQLite statements, kept per connection and text: a connection held open (the node's writer) runs
    // them prepared from one batch to the next, not only within one inserter.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Kept = [];

    /// <summary>Inserts the entities in the connection's open transaction on SQLite; blocking (see <see cref="CaseInserter"/>).</summary>
    public void Insert(DbConnection connection, DbTransaction transaction, IReadOnlyList<object> entities)
    {
        if (entities.Count == 0)
        {
            return;
        }

        for (var offset = 0; offset < entities.Count; offset += RowsPerStatement)
        {
            var rows = Math.Min(RowsPerStatement, entities.Count - offset);
            var command = Command(connection, rows);
            command.Transaction = transaction;
            for (var row = 0; row < rows; row++)
            {
                var entity = entities[offset + row];
                for (var column = 0; column < _columns.Count; column++)
                {
                    command.Parameters[(row * _columns.Count) + column].Value = _columns[column].ProviderValue(entity);
                }
            }

            command.ExecuteNonQuery();
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

    /// <summary>Nothing to release: the statements stay with their connection (closing it finalizes them).</summary>
    public void Dispose()
    {
    }

    private DbCommand Command(DbConnection connection, int rows)
    {
        var texts = _sqliteInserts ??= new string[RowsPerStatement + 1];
        var text = texts[rows] ??= SqliteInsert(rows);
        var kept = Kept.GetValue(connection, _ => []);
        if (kept.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var command = connection.CreateCommand();
        for (var index = 0; index < rows * _columns.Count; index++)
        {
            command.Parameters.Add(_columns[index % _columns.Count].CreateParameter(command, $"@p{index}"));
        }

        command.CommandText = text;
        kept.Add(text, command);
        return command;
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
