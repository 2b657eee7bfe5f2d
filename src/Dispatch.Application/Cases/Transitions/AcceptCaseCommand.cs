namespace Dispatch.Application.Cases.Transitions;

/// <summary>Accept a reported case into the node's handling.</summary>
internal sealed record AcceptCaseCommand(Guid CaseId, int ExpectedVersion, string? Note);
