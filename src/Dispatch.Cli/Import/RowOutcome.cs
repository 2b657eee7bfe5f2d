namespace Dispatch.Cli.Import;

/// <summary>
/// What became of one data row: created, already there (an earlier run reported it), or rejected with a status (the
/// node's, or <see cref="CsvStatus"/> for a row that could not be read). Null status and case: never sent.
/// </summary>
internal sealed record RowOutcome(int Row, CsvRecord Record, string? CaseNumber, bool Created, string? Status, string? Message)
{
    /// <summary>The status of a row rejected before it reached the node.</summary>
    public const string CsvStatus = "BadCsvRow";

    public bool Rejected => Status is not null;
}
