namespace Dispatch.Cli.Import;

/// <summary>
/// One record of a CSV file: its fields, the line it starts on, its text as written (for the rejected-rows report), and
/// why it could not be read (an unclosed quote, text after a closing quote, a quote inside an unquoted field).
/// </summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string Text, string? Error = null);
