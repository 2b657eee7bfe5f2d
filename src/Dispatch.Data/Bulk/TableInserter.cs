using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dispatch.Data.Bulk;

/// <summary>
/// Inserts entities of one type with the columns and value conversions of the EF model (what SaveChanges
/// would write): on SQLite by multi-row INSERT statements, prepared once per statement size and reused within the inserter; on
/// PostgreSQL by one binary COPY per call, which the server neither parses nor plans per row count (a
/// multi-row INSERT of a few dozen cases cost it several milliseconds to plan and run).
/// </summary>
public sealed class TableInserter(IEntityType type, ISqlGenerationHelper sql, int maxParameters) : IDisposable
{
    /// <summary>
    /// Parameters per statement: SQLite binds each by name with a linear search (cost grows with the square
    /// of the count) and pays no round trip, so small statements; PostgreSQL pays a round trip per statement.
    /// </summary>
    public const int SqliteParameters = 64;
    public const int PostgresParameters = 16_000;

    private readonly IReadOnlyList<TableColumn> _columns = TableColumn.For(type);
    private readonly Dictionary<int, DbCommand> _commands = [];
    private NpgsqlTypes.NpgsqlDbType[]? _postgresTypes;

    public async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<object> entities)
    {
        if (entities.Count == 0)
        {
            return;
        }

        if (connection is Npgsql.NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, entities).ConfigureAwait(false);
            return;
        }

        var rowsPerStatement = Math.Max(1, maxParameters / _columns.Count);
        for (var offset = 0; offset < entities.Count; offset += rowsPerStatement)
        {
            var rows = Math.Min(rowsPerStatement, entities.Count - offset);
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

            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task CopyAsync(Npgsql.NpgsqlConnection connection, IReadOnlyList<object> entities)
    {
        // The COPY runs in the connection's open transaction, like any other command on it.
        var types = _postgresTypes ??= _columns.Select(c => c.PostgresType(connection)).ToArray();
        var copy = $"COPY {sql.DelimitIdentifier(type.GetTableName()!)} ({string.Join(", ", _columns.Select(c => sql.DelimitIdentifier(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy).ConfigureAwait(false);
        foreach (var entity in entities)
        {
            await importer.StartRowAsync().ConfigureAwait(false);
            for (var column = 0; column < _columns.Count; column++)
            {
                var value = _columns[column].ProviderValue(entity);
                if (value is DBNull)
                {
                    await importer.WriteNullAsync().ConfigureAwait(false);
                }
                else
                {
                    await importer.WriteAsync(value, types[column]).ConfigureAwait(false);
                }
            }
        }

        await importer.CompleteAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
    }

    private static bool Positional(DbConnection connection) => connection.GetType().Name == "NpgsqlConnection";

    private DbCommand Command(DbConnection connection, int rows)
    {
        if (_commands.TryGetValue(rows, out var cached))
        {
            return cached;
        }

        var command = connection.CreateCommand();
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(type.GetTableName()!)).Append(" (")
            .AppendJoin(", ", _columns.Select(c => sql.DelimitIdentifier(c.Name))).Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < _columns.Count; column++)
            {
                var index = (row * _columns.Count) + column;
                var name = $"@p{index}";
                var parameter = _columns[column].CreateParameter(command, name);
                if (Positional(connection))
                {
                    // Npgsql sends "$n" placeholders with unnamed parameters as they are; named ones make it
                    // parse and rewrite the whole statement on every execution.
                    name = $"${index + 1}";
                    parameter.ParameterName = "";
                }

                text.Append(column == 0 ? name : ", " + name);
                command.Parameters.Add(parameter);
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        _commands[rows] = command;
        return command;
    }
}
