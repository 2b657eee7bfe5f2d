using System.Text;

namespace Dispatch.Cli.Import;

/// <summary>
/// Reads CSV as RFC 4180 writes it: comma-separated, fields optionally in double quotes ("" for a quote inside one,
/// line breaks allowed inside one), CRLF or LF. A malformed record becomes one record with an error and reading goes
/// on from the next line, so one bad row never hides the rest. Blank lines are skipped.
/// </summary>
internal static class CsvReader
{
    public static IReadOnlyList<CsvRecord> Read(string text)
    {
        var records = new List<CsvRecord>();
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        while (position < text.Length)
        {
            var start = position;
            var startLine = line;
            var (fields, error) = ReadRecord(text, ref position, ref line);
            if (error is not null)
            {
                // Start again at the line after the one the bad record began on: an unclosed quote must not swallow the file.
                position = EndOfLine(text, start);
                line = startLine;
                records.Add(new CsvRecord(startLine, [], text[start..position].TrimEnd('\r'), error));
                position = SkipLineBreak(text, position, ref line);
                continue;
            }

            var recordText = text[start..position].TrimEnd('\r', '\n');
            position = SkipLineBreak(text, position, ref line);
            if (fields is not [""])
            {
                records.Add(new CsvRecord(startLine, fields, recordText));
            }
        }

        return records;
    }

    private static (List<string> Fields, string? Error) ReadRecord(string text, ref int position, ref int line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        while (true)
        {
            field.Clear();
            if (position < text.Length && text[position] == '"')
            {
                var opened = line;
                position++;
                while (true)
                {
                    if (position >= text.Length)
                    {
                        return (fields, $"the quoted field of column {fields.Count + 1} opened on line {opened} is never closed");
                    }

                    var c = text[position++];
                    if (c == '"')
                    {
                        if (position < text.Length && text[position] == '"')
                        {
                            field.Append('"');
                            position++;
                            continue;
                        }

                        break;
                    }

                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                if (position < text.Length && text[position] is not (',' or '\r' or '\n'))
                {
                    return (fields, $"column {fields.Count + 1} has text after its closing quote");
                }
            }
            else
            {
                while (position < text.Length && text[position] is not (',' or '\r' or '\n'))
                {
                    if (text[position] == '"')
                    {
                        return (fields, $"column {fields.Count + 1} has a quote but does not start with one (quote the whole field and double the quote)");
                    }

                    field.Append(text[position++]);
                }
            }

            fields.Add(field.ToString());
            if (position >= text.Length || text[position] is '\r' or '\n')
            {
                return (fields, null);
            }

            position++;
        }
    }

    private static int EndOfLine(string text, int from)
    {
        var end = text.IndexOf('\n', from);
        return end < 0 ? text.Length : end;
    }

    private static int SkipLineBreak(string text, int position, ref int line)
    {
        if (position < text.Length && text[position] == '\r')
        {
            position++;
        }

        if (position < text.Length && text[position] == '\n')
        {
            position++;
            line++;
        }

        return position;
    }
}
