using SQLitePCL;

namespace Dispatch.Data.Bulk;

/// <summary>
/// Binds a column's value to a prepared SQLite statement as Microsoft.Data.Sqlite binds a parameter of that
/// type (what EF's SaveChanges writes): integers and booleans as integers, floating point as reals, text as
/// text, a GUID as its upper-case text, bytes as a blob. A type outside these is refused, naming the column.
/// </summary>
internal static class SqliteRow
{
    public static void Bind(sqlite3_stmt statement, int index, TableColumn column, object entity)
    {
        var result = column.ProviderValue(entity) switch
        {
            DBNull => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text16(statement, index, text),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            short number => raw.sqlite3_bind_int64(statement, index, number),
            byte number => raw.sqlite3_bind_int64(statement, index, number),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(statement, index, real),
            float real => raw.sqlite3_bind_double(statement, index, real),
            Guid guid => BindGuid(statement, index, guid),
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            var other => throw new NotSupportedException(
                $"Column {column.Name}: a {other.GetType().Name} value has no SQLite binding in the bulk insert."),
        };
        if (result != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"Column {column.Name}: SQLite refused the value ({raw.sqlite3_errstr(result).utf8_to_string()}).");
        }
    }

    private static int BindGuid(sqlite3_stmt statement, int index, Guid guid)
    {
        Span<char> text = stackalloc char[36];
        guid.TryFormat(text, out _, "D");
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = char.ToUpperInvariant(text[i]);
        }

        return raw.sqlite3_bind_text16(statement, index, text);
    }
}
