using System.Globalization;
using System.Text;

namespace Dispatch.Cli.Output;

/// <summary>
/// A table for people: each column as wide as its widest value (Chinese characters take two cells), two spaces
/// between columns, the last column not padded; a column empty in every row is left out.
/// </summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public Table Add(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    /// <summary>The headings, then the rows.</summary>
    public void Write(TextWriter writer, string indent = "") => Write(writer, indent, withHeadings: true);

    /// <summary>The rows only, aligned as if the headings were there (a list of labelled facts).</summary>
    public void WriteRows(TextWriter writer, string indent = "") => Write(writer, indent, withHeadings: false);

    private void Write(TextWriter writer, string indent, bool withHeadings)
    {
        var shown = Enumerable.Range(0, headers.Length).Where(i => _rows.Count == 0 || _rows.Any(r => i < r.Length && r[i].Length > 0)).ToArray();
        var lines = (withHeadings ? _rows.Prepend(headers) : _rows).Select(r => shown.Where(i => i < r.Length).Select(i => r[i]).ToArray()).ToList();
        var widths = new int[shown.Length];
        foreach (var row in lines)
        {
            for (var i = 0; i < Math.Min(row.Length, widths.Length); i++)
            {
                widths[i] = Math.Max(widths[i], Width(row[i]));
            }
        }

        foreach (var row in lines)
        {
            var line = new StringBuilder(indent);
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(row[i]);
                if (i < row.Length - 1)
                {
                    line.Append(' ', widths[i] - Width(row[i]) + 2);
                }
            }

            writer.WriteLine(line.ToString().TrimEnd());
        }
    }

    /// <summary>Terminal cells: East Asian wide characters (CJK, full-width forms) take two.</summary>
    public static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune.Value) ? 2 : Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format ? 0 : 1;
        }

        return width;
    }

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x20000 and <= 0x3FFFD);
}
