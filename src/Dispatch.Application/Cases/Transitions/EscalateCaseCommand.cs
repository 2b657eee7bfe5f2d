namespace Dispatch.Application.Cases.Transitions;

/// <summary>Send the case to the parent node, which then owns its handling.</summary>
internal sealed record EscalateCaseCommand(Guid CaseId, int ExpectedVersion, string Reason);
