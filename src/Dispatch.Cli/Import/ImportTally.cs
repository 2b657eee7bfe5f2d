namespace Dispatch.Cli.Import;

/// <summary>How far an import has got: rows done of the total, and how they ended.</summary>
internal sealed record ImportTally(int Total, int Done, int Created, int Existing, int Rejected);
