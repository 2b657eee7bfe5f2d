namespace Dispatch.Application.Cases.Transitions;

/// <summary>Reject a reported case (not the node's business, a duplicate report, ...).</summary>
internal sealed record RejectCaseCommand(Guid CaseId, int ExpectedVersion, string Reason);
