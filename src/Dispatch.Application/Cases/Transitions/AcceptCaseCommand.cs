namespace Dispatch.Application.Cases.Transitions;

/// <summary>Accept a reported case into the node's handling; the routing rules suggest its department.</summary>
internal sealed record AcceptCaseCommand(Guid CaseId, int ExpectedVersion, string? Note);
