namespace Dispatch.Application.Cases.Transitions;

/// <summary>Hand an escalated case back to the child node it came from.</summary>
internal sealed record ReturnEscalationCommand(Guid CaseId, int ExpectedVersion, string Reason);
