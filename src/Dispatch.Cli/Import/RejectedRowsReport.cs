using System.Text;

namespace Dispatch.Cli.Import;

/// <summary>
/// The rejected rows of an import, as CSV: <c>row,line,status,message,original</c>, where row counts data rows from 1,
/// line is the file's line the row starts on, status is the node's gRPC status (or BadCsvRow) and original is the row
/// as written. Written next to the input (<c>cases.rejected.csv</c>) unless another file is named.
/// </summary>
internal static class RejectedRowsReport
{
    public const string Header = "row,line,status,message,original";

    public static string DefaultPath(string input) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input))!, Path.GetFileNameWithoutExtension(input) + ".rejected.csv");

    public static async Task WriteAsync(string path, IEnumerable<RowOutcome> rejected, CancellationToken cancellationToken)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var row in rejected)
        {
            text.Append(row.Row).Append(',').Append(row.Record.Line).Append(',').Append(Quote(row.Status!)).Append(',')
                .Append(Quote(row.Message ?? "")).Append(',').Append(Quote(row.Record.Text)).Append('\n');
        }

        await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(false), cancellationToken);
    }

    /// <summary>Whether the file exists and is such a report (its first line is the header).</summary>
    public static bool IsReport(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var reader = new StreamReader(path);
        return reader.ReadLine() == Header;
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
