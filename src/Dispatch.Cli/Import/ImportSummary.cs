namespace Dispatch.Cli.Import;

/// <summary>An import's result as --json prints it: the counts, the rejected rows and why, and whether it stopped early.</summary>
internal sealed record ImportSummary(
    string File,
    int Rows,
    int Created,
    int Existing,
    int Rejected,
    int NotSent,
    string? RejectedReport,
    IReadOnlyList<ImportSummary.RejectedRow> RejectedRows,
    string? StoppedBy)
{
    public sealed record RejectedRow(int Row, int Line, string Status, string Message);
}
