namespace Dispatch.Application.Cases.Transitions;

/// <summary>The assignee starts work on the case.</summary>
internal sealed record StartCaseCommand(Guid CaseId, int ExpectedVersion, string? Note);
