namespace Dispatch.Application.Cases.Transitions;

/// <summary>The verdict on a resolved case: pass closes it, fail returns it for rework.</summary>
internal sealed record VerifyCaseCommand(Guid CaseId, int ExpectedVersion, bool Passed, string? Note);
