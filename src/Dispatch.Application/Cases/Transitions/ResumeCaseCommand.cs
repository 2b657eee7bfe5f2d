namespace Dispatch.Application.Cases.Transitions;

/// <summary>Resume a deferred case; its deadline moves by the time it was on hold.</summary>
internal sealed record ResumeCaseCommand(Guid CaseId, int ExpectedVersion, string? Note);
