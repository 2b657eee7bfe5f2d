using Dispatch.Domain.Cases;

namespace Dispatch.Application.Cases;

/// <summary>
/// The reported case, whether this call created it (false for a retried request id), and the open cases
/// of its grid and category reported in the last 72 hours (possible duplicates, newest first); the views of
/// these cases that the replies of the same batch share.
/// </summary>
internal sealed record ReportOutcome(Case Case, bool Created, IReadOnlyList<Case> PossibleDuplicates, CaseViews Views);
