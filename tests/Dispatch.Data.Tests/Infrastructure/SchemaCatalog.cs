using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data.Tests.Infrastructure;

/// <summary>
/// A database's schema as sorted text, read from the engine's own catalogue, so two databases can be
/// compared with one string equality (and a failing test shows the first differing line). EF's own
/// tables (<c>__EF*</c>: migration history and lock) are left out.
/// </summary>
internal static class SchemaCatalog
{
    public static async Task<string> DescribeAsync(DispatchDbContext context)
    {
        var queries = context.Database.IsSqlite() ? SqliteQueries : PostgresQueries;
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        try
        {
            var text = new StringBuilder();
            foreach (var (title, sql) in queries)
            {
                text.Append("## ").AppendLine(title);
                await AppendRowsAsync(connection, sql, text);
            }

            return text.ToString();
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    private static async Task AppendRowsAsync(DbConnection connection, string sql, StringBuilder text)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            }

            text.AppendLine(string.Join(" | ", values));
        }
    }

    // Columns are compared by name, not position: column order is not part of the schema's meaning and
    // EF orders EnsureCreated's columns by its own rules. Table and index SQL is compared with the
    // column list left out of CREATE TABLE (it is covered column by column), so AUTOINCREMENT still counts.
    private const string SqliteObjects =
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' " +
        "AND substr(name, 1, 4) <> '__EF'";

    private static readonly (string Title, string Sql)[] SqliteQueries =
    [
        ("tables", $"SELECT t.name, instr(m.sql, 'AUTOINCREMENT') > 0 AS has_autoincrement FROM ({SqliteObjects}) t " +
                   "JOIN sqlite_master m ON m.name = t.name ORDER BY t.name"),
        ("columns", $"SELECT t.name, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk FROM ({SqliteObjects}) t, " +
                    "pragma_table_info(t.name) c ORDER BY t.name, c.name"),
        ("indexes", $"SELECT t.name, i.name, i.\"unique\", i.origin, i.partial, m.sql FROM ({SqliteObjects}) t, " +
                    "pragma_index_list(t.name) i LEFT JOIN sqlite_master m ON m.name = i.name ORDER BY t.name, i.name"),
        ("index columns", $"SELECT t.name, i.name, c.seqno, c.name FROM ({SqliteObjects}) t, pragma_index_list(t.name) i, " +
                          "pragma_index_info(i.name) c ORDER BY t.name, i.name, c.seqno"),
        ("foreign keys", $"SELECT t.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete " +
                         $"FROM ({SqliteObjects}) t, pragma_foreign_key_list(t.name) f ORDER BY t.name, f.\"table\", f.\"from\""),
    ];

    private const string PostgresTables = "table_schema = 'public' AND table_name NOT LIKE '\\_\\_EF%'";

    private static readonly (string Title, string Sql)[] PostgresQueries =
    [
        ("tables", $"SELECT table_name, table_type FROM information_schema.tables WHERE {PostgresTables} ORDER BY table_name"),
        ("columns", "SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, " +
                    "numeric_scale, datetime_precision, is_nullable, column_default, is_identity, identity_generation, " +
                    $"collation_name FROM information_schema.columns WHERE {PostgresTables} ORDER BY table_name, column_name"),
        // information_schema calls every array "ARRAY"; the catalogue's own type names include the element.
        ("column types", "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull " +
                         "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace " +
                         "WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped " +
                         "AND c.relname NOT LIKE '\\_\\_EF%' ORDER BY 1, 2"),
        ("indexes", "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' " +
                    "AND tablename NOT LIKE '\\_\\_EF%' ORDER BY tablename, indexname"),
        ("constraints", "SELECT c.conrelid::regclass::text, c.conname, c.contype, pg_get_constraintdef(c.oid) " +
                        "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' " +
                        "AND c.conrelid::regclass::text NOT LIKE '\"\\_\\_EF%' AND c.conrelid::regclass::text NOT LIKE '\\_\\_EF%' " +
                        "ORDER BY 1, 2"),
    ];
}
