namespace Dispatch.Application.Cases.Transitions;

/// <summary>Merge a duplicate into its original case.</summary>
internal sealed record MergeCaseCommand(Guid CaseId, int ExpectedVersion, Guid OriginalCaseId);
