using Dispatch.Domain.Cases;

namespace Dispatch.Node.Application;

/// <summary>The reported case, and whether this call created it (false for a retried request id).</summary>
internal sealed record ReportOutcome(Case Case, bool Created);
