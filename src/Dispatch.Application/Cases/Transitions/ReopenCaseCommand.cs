namespace Dispatch.Application.Cases.Transitions;

/// <summary>Reopen a closed case.</summary>
internal sealed record ReopenCaseCommand(Guid CaseId, int ExpectedVersion, string Reason);
